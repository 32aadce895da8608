import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PIVaultCore

/// A request body type whose members are known: any other member is rejected.
public protocol StrictDecodable: Decodable, Sendable {
    /// Every member the body may have.
    static var members: Set<String> { get }
}

/// Reads JSON request bodies strictly: bounded size (413), JSON media type
/// (415), bounded depth, an object with known members only, members of the
/// right types (400). Nothing reaches the vault unless all of that holds.
struct StrictJSON: Sendable {
    var maxBodySize: Int
    var maxDepth: Int

    /// Reads and decodes the body of `request` as `T`.
    func decode<T: StrictDecodable>(_ type: T.Type, from request: Request) async throws -> T {
        let data = try await body(of: request)
        return try decode(type, from: data)
    }

    func body(of request: Request) async throws -> Data {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodySize {
            throw Problem.tooLarge(limit: maxBodySize)
        }
        if let contentType = request.headers[.contentType] {
            let media = contentType.split(separator: ";").first.map { $0.trimmingOptionalWhitespace.lowercased() } ?? ""
            if media != "application/json" && !media.hasSuffix("+json") { throw Problem.unsupportedMediaType() }
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBodySize)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem.tooLarge(limit: maxBodySize)
        }
        if buffer.readableBytes > 0, request.headers[.contentType] == nil { throw Problem.unsupportedMediaType() }
        return Data(buffer.readableBytesView)
    }

    func decode<T: StrictDecodable>(_ type: T.Type, from data: Data) throws -> T {
        guard !data.isEmpty else { throw Problem.malformed("the body is empty; send one JSON object") }
        try checkDepth(data)
        let object: [String: JSONValue]
        switch try? JSONParser.parse(data, maxDepth: maxDepth) {
        case .object(let members)?: object = members
        case nil: throw Problem.malformed("the body is not valid JSON (RFC 8259); send one JSON object in UTF-8")
        default: throw Problem.malformed("the body must be one JSON object, not another JSON value")
        }
        for key in object.keys.sorted() where !T.members.contains(key) {
            throw Problem.unknownField(key, allowed: Array(T.members))
        }
        for key in object.keys.sorted() where object[key] == .null {
            throw Problem.malformed("member '\(key)' must not be null; omit it instead", field: key)
        }
        if let direct = T.self as? any StrictJSONObject.Type {
            return try direct.init(JSONMembers(object)) as! T
        }
        return try decodeThroughFoundation(type, from: data)
    }

    /// Decodes a body that passed the checks with Foundation's `JSONDecoder`,
    /// turning its errors into problems that name the member.
    func decodeThroughFoundation<T: StrictDecodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let problem as Problem {
            throw problem
        } catch let error as VaultError {
            throw Problem(error)
        } catch DecodingError.typeMismatch(let expected, let context) {
            throw Problem.malformed("member '\(Self.path(context.codingPath))' must be \(Self.name(expected))", field: Self.path(context.codingPath))
        } catch DecodingError.valueNotFound(let expected, let context) {
            throw Problem.malformed("member '\(Self.path(context.codingPath))' must be \(Self.name(expected)), not null", field: Self.path(context.codingPath))
        } catch DecodingError.keyNotFound(let key, let context) {
            let path = Self.path(context.codingPath + [key])
            throw Problem.malformed("member '\(path)' is required", field: path)
        } catch DecodingError.dataCorrupted(let context) {
            let path = Self.path(context.codingPath)
            throw Problem.malformed("member '\(path)' has an invalid value", field: path.isEmpty ? nil : path)
        } catch {
            throw Problem.malformed("the body does not match this endpoint's schema; see /openapi.yaml")
        }
    }

    /// Rejects nesting deeper than `maxDepth` before any recursive parser sees it.
    func checkDepth(_ data: Data) throws {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth > maxDepth { throw Problem.malformed("the JSON is nested deeper than \(maxDepth) levels") }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    static func name(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Double.Type: "a number"
        case is [String].Type: "an array of strings"
        default: "of the documented type"
        }
    }
}

extension StrictJSON {
    /// Like ``decode(_:from:)``, but an empty body is allowed and gives nil.
    func decodeOptional<T: StrictDecodable>(_ type: T.Type, from request: Request) async throws -> T? {
        let data = try await body(of: request)
        if data.isEmpty { return nil }
        return try decode(type, from: data)
    }
}

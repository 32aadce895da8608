import Foundation
import HTTPTypes
import Logging
import Hummingbird
import NIOCore

/// An RFC 9457 problem detail, rendered as `application/problem+json`.
///
/// Every error the server returns is one of these: a stable `type` (a URN
/// per problem kind), a `title`, a `detail` that says what to do, the
/// offending field path where there is one, and the rule that applies.
/// Details never contain personal values, tokens or keys — only ids, field
/// paths and rules.
public struct Problem: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The problem kind, e.g. `invalid-input`; the `type` member is `urn:pivault:problem:<kind>`.
    public var kind: String
    /// A short summary of the kind.
    public var title: String
    /// What happened and what to do.
    public var detail: String
    /// The offending field path (`values.resident_id`), never its value.
    public var field: String?
    /// The article or rule that applies (`PIPL Art. 51`, `RFC 6750 §3`).
    public var article: String?
    /// Extra response headers (`WWW-Authenticate`, `Retry-After`, `Allow`).
    public var headers: HTTPFields

    /// Creates a problem.
    public init(_ status: HTTPResponse.Status, kind: String, title: String, detail: String,
                field: String? = nil, article: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.field = field
        self.article = article
        self.headers = headers
    }

    /// The `type` URI.
    public var type: String { "urn:pivault:problem:\(kind)" }

    /// The media type of problem documents (RFC 9457 §3).
    public static let mediaType = "application/problem+json"

    /// `status kind: detail`.
    public var description: String { "\(status.code) \(kind): \(detail)" }

    /// The JSON body; `requestID` lets an operator find the matching log line.
    public func body(requestID: String?) -> ByteBuffer {
        var object: [String: String] = ["type": type, "title": title, "detail": detail]
        if let field { object["field"] = field }
        if let article { object["article"] = article }
        if let requestID { object["requestId"] = requestID }
        var text = "{"
        for key in object.keys.sorted() {
            text += Self.quoted(key) + ":" + Self.quoted(object[key]!) + ","
        }
        text += "\"status\":\(status.code)}"
        return ByteBuffer(string: text)
    }

    /// The response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response(requestID: context.logger[metadataKey: "hb.request.id"]?.description)
    }

    /// The response, without a request at hand.
    public func response(requestID: String?) -> Response {
        var fields = headers
        fields[.contentType] = Self.mediaType
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: body(requestID: requestID)))
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

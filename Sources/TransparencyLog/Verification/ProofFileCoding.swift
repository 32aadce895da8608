import Foundation

/// JSON coding for proof files with errors that name the field, never its value.
enum ProofFileCoding {
    static func decode<T: Decodable>(_ type: T.Type, from json: [UInt8], kind: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(json))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
               (try? JSONSerialization.jsonObject(with: Data(json))) != nil {
                // Valid JSON that the decoder rejected without a path: a number out of range.
                throw LogError(.malformedProofFile, "\(kind) file: a field has an invalid value; sizes and indices are non-negative integers, hashes base64 strings")
            }
            throw LogError(.malformedProofFile, "\(kind) file: \(describe(error))")
        } catch {
            throw LogError(.malformedProofFile, "\(kind) file is not JSON")
        }
    }

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let joined = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return joined.isEmpty ? "top level" : joined
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field \(parent == "top level" ? "" : parent + ".")\(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "field \(path(context)) has the wrong type (sizes and indices are non-negative integers, hashes base64 strings)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "field \(path(context)) is invalid"
        @unknown default:
            return "not in the documented layout"
        }
    }
}

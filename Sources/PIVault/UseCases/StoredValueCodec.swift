import Foundation
import PIVaultCore

/// The plaintext form of a field value before sealing: one type byte, then
/// the value. Strings, numbers and booleans (nearly every field) skip JSON
/// entirely; lists and objects use sorted-key JSON.
enum StoredValueCodec {
    static func encode(_ value: JSONValue) throws -> Data {
        switch value {
        case .string(let text): return Data([UInt8(ascii: "s")] + Array(text.utf8))
        case .bool(let flag): return Data([UInt8(ascii: "b"), flag ? 1 : 0])
        case .number(let number): return Data([UInt8(ascii: "n")] + Array(String(number).utf8))
        case .null: return Data([UInt8(ascii: "0")])
        case .array, .object:
            var json = JSONWriter(capacity: 64)
            json.value(value)
            return Data([UInt8(ascii: "j")] + json.bytes)
        }
    }

    static func decode(_ data: Data) throws -> JSONValue {
        guard let tag = data.first else { throw VaultError(.integrity, "a stored value is empty") }
        let body = data.dropFirst()
        switch tag {
        case UInt8(ascii: "s"): return .string(String(decoding: body, as: UTF8.self))
        case UInt8(ascii: "b"): return .bool(body.first == 1)
        case UInt8(ascii: "n"):
            guard let number = Double(String(decoding: body, as: UTF8.self)) else { throw VaultError(.integrity, "a stored number is malformed") }
            return .number(number)
        case UInt8(ascii: "0"): return .null
        case UInt8(ascii: "j"):
            do { return try JSONParser.parse(body) } catch { throw VaultError(.integrity, "a stored list or object is malformed") }
        default: throw VaultError(.integrity, "a stored value has an unknown type tag")
        }
    }
}

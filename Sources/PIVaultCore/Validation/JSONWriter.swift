import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes JSON straight into bytes, for the server's responses and the
/// stored form of lists and objects, both on hot paths.
///
/// Foundation's encoder walks a value through `Codable` containers, boxing
/// every member; for a read's response that took longer than decrypting the
/// record. This writer produces the same JSON documents a client parses from
/// the general encoder (UTF-8, dates in ISO 8601 to the second, whole numbers
/// without a fraction) with none of that machinery.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    /// A member's name; its value follows.
    public mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ text: String) { separate(); writeString(text); needsComma = true }
    public mutating func null() { separate(); bytes += "null".utf8; needsComma = true }
    public mutating func bool(_ value: Bool) { separate(); bytes += (value ? "true" : "false").utf8; needsComma = true }
    public mutating func integer(_ value: some BinaryInteger) { separate(); bytes += String(value).utf8; needsComma = true }

    public mutating func optional(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    public mutating func strings(_ texts: [String]) {
        beginArray()
        for text in texts { string(text) }
        endArray()
    }

    /// A number as the general encoder writes a ``JSONValue``: whole numbers as integers.
    public mutating func number(_ value: Double) {
        if value.rounded() == value, abs(value) < 9.0e15 { integer(Int64(value)) } else { separate(); bytes += "\(value)".utf8; needsComma = true }
    }

    /// `2026-11-29T09:44:08Z`: ISO 8601 in UTC, whole seconds, as Foundation's `.iso8601` strategy.
    public mutating func date(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year = Int(parts.tm_year) + 1900
        let yearText = year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        string("\(yearText)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z")
    }

    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .array(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let members):
            beginObject()
            // Sorted, so that equal objects are written as equal bytes.
            for name in members.keys.sorted() { key(name); self.value(members[name]!) }
            endObject()
        }
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Escapes on bytes: every byte that needs it is ASCII, and the bytes of
    /// a multi-byte UTF-8 sequence are all ≥ 0x80. Slashes are escaped as the
    /// general encoder does.
    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings (ids, field names, values in most scripts) need no escape: copied whole.
        if !text.utf8.contains(where: Self.needsEscape) {
            bytes += text.utf8
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
            case UInt8(ascii: "/"): bytes += #"\/"#.utf8
            case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
            case UInt8(ascii: "\r"): bytes += #"\r"#.utf8
            case UInt8(ascii: "\t"): bytes += #"\t"#.utf8
            case 0x08: bytes += #"\b"#.utf8
            case 0x0C: bytes += #"\f"#.utf8
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += #"\u00"#.utf8
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/")
    }
}

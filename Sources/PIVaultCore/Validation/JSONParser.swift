/// A strict RFC 8259 parser straight into ``JSONValue``.
///
/// Foundation's decoder reaches a ``JSONValue`` by trying each type in turn
/// and throwing for every miss; on the request path that was most of the
/// cost of reading a body. This parser reads each value once. It accepts
/// exactly RFC 8259 JSON in UTF-8: no comments, no trailing commas, no
/// control characters inside strings, no lone surrogates, no numbers beyond
/// a double's range. A member repeated in an object keeps its last value. A
/// leading UTF-8 byte order mark, which files written on some systems carry,
/// is skipped (RFC 8259 §8.1 lets a parser ignore it).
public enum JSONParser {
    /// Why a document is not JSON, and the byte offset where that was seen.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "not valid JSON at byte \(offset): \(reason)" }
    }

    /// Parses one JSON document (surrounding whitespace allowed).
    /// - Parameter maxDepth: Arrays and objects nested deeper than this are refused.
    public static func parse(_ bytes: some Sequence<UInt8>, maxDepth: Int = 256) throws(SyntaxError) -> JSONValue {
        let buffer = Array(bytes)
        return try buffer.withUnsafeBufferPointer { (pointer) throws(SyntaxError) -> JSONValue in
            var cursor = Cursor(bytes: pointer, maxDepth: maxDepth)
            if pointer.count >= 3, pointer[0] == 0xEF, pointer[1] == 0xBB, pointer[2] == 0xBF { cursor.offset = 3 }
            cursor.skipWhitespace()
            let value = try cursor.value(depth: 0)
            cursor.skipWhitespace()
            guard cursor.offset == pointer.count else { throw cursor.error("unexpected content after the value") }
            return value
        }
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var offset = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        func error(_ reason: String) -> SyntaxError { SyntaxError(offset: offset, reason: reason) }

        var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { offset += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
            guard current == byte else { throw error("expected \(what)") }
            offset += 1
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            guard let byte = current else { throw error("expected a value") }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth + 1)
            case UInt8(ascii: "["): return try array(depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw error("expected a value")
            }
        }

        mutating func literal(_ word: StaticString) throws(SyntaxError) {
            let count = word.utf8CodeUnitCount
            guard offset + count <= bytes.count else { throw error("expected \(word)") }
            for index in 0..<count where bytes[offset + index] != word.utf8Start[index] { throw error("expected \(word)") }
            offset += count
        }

        mutating func object(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth <= maxDepth else { throw error("nested deeper than \(maxDepth) levels") }
            offset += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if current == UInt8(ascii: "}") { offset += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
                let name = try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "':' after a member name")
                skipWhitespace()
                members[name] = try value(depth: depth)
                skipWhitespace()
                if current == UInt8(ascii: ",") { offset += 1; continue }
                try expect(UInt8(ascii: "}"), "',' or '}' in an object")
                return .object(members)
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth <= maxDepth else { throw error("nested deeper than \(maxDepth) levels") }
            offset += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") { offset += 1; return .array(items) }
            while true {
                skipWhitespace()
                items.append(try value(depth: depth))
                skipWhitespace()
                if current == UInt8(ascii: ",") { offset += 1; continue }
                try expect(UInt8(ascii: "]"), "',' or ']' in an array")
                return .array(items)
            }
        }

        mutating func string() throws(SyntaxError) -> String {
            offset += 1
            let start = offset
            // Most strings have no escapes: take their bytes as they are.
            while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                guard byte >= 0x20 else { throw error("a control character inside a string must be escaped") }
                offset += 1
            }
            guard let stop = current else { throw error("a string is not closed") }
            var text = Array(bytes[start..<offset])
            if stop == UInt8(ascii: "\\") { try escapedRest(into: &text) }
            offset += 1
            guard let string = String(validating: text, as: UTF8.self) else { throw SyntaxError(offset: start, reason: "a string is not valid UTF-8") }
            return string
        }

        /// The rest of a string from its first backslash, up to (not past) the closing quote.
        mutating func escapedRest(into text: inout [UInt8]) throws(SyntaxError) {
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""): return
                case UInt8(ascii: "\\"):
                    offset += 1
                    guard let escape = current else { throw error("a string is not closed") }
                    offset += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "t"): text.append(0x09)
                    case UInt8(ascii: "u"): text += try unicodeEscape()
                    default: throw error("unknown escape in a string")
                    }
                case ..<0x20:
                    throw error("a control character inside a string must be escaped")
                default:
                    text.append(byte)
                    offset += 1
                }
            }
            throw error("a string is not closed")
        }

        /// After `\u`: four hex digits, and for a high surrogate its low half.
        mutating func unicodeEscape() throws(SyntaxError) -> [UInt8] {
            var scalar = try hex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw error("a high surrogate escape is not followed by a low one")
                }
                offset += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("a high surrogate escape is not followed by a low one") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("a low surrogate escape stands alone")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("an escape names no character") }
            return Array(String(Character(unicode)).utf8)
        }

        mutating func hex4() throws(SyntaxError) -> UInt32 {
            guard offset + 4 <= bytes.count else { throw error("a \\u escape needs four hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[offset]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw error("a \\u escape needs four hex digits")
                }
                value = value << 4 | UInt32(digit)
                offset += 1
            }
            return value
        }

        mutating func number() throws(SyntaxError) -> Double {
            let start = offset
            if current == UInt8(ascii: "-") { offset += 1 }
            guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { throw error("a number needs a digit") }
            offset += 1
            if first != UInt8(ascii: "0") { skipDigits() }
            if current == UInt8(ascii: ".") {
                offset += 1
                guard requireDigits() else { throw error("a number needs a digit after '.'") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                offset += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
                guard requireDigits() else { throw error("a number needs a digit in its exponent") }
            }
            guard let number = Double(String(decoding: bytes[start..<offset], as: UTF8.self)), number.isFinite else {
                throw SyntaxError(offset: start, reason: "a number is beyond the range of a double")
            }
            return number
        }

        mutating func skipDigits() {
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
        }

        mutating func requireDigits() -> Bool {
            let start = offset
            skipDigits()
            return offset > start
        }
    }
}

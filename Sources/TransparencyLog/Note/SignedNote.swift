import Foundation

/// A C2SP signed note: UTF-8 text ending in a newline, a blank line, and one
/// or more signature lines.
///
/// Parsing checks structure only; ``verify(with:)`` checks signatures.
public struct SignedNote: Sendable, Hashable {
    /// The em dash and space that open every signature line.
    static let signaturePrefix = "\u{2014} "
    /// More signature lines than this are rejected, to bound work on hostile input.
    public static let maximumSignatures = 100

    /// The signed text, ending in a newline.
    public var text: String
    /// The signature lines in order.
    public var signatures: [NoteSignature]

    /// Creates a note from text and signatures.
    public init(text: String, signatures: [NoteSignature]) {
        self.text = text
        self.signatures = signatures
    }

    /// Signs `text` with each signer.
    ///
    /// - Throws: ``LogError/Code/malformedNote`` when the text does not end in a
    ///   newline or contains control characters other than newline.
    public init(signing text: String, with signers: [NoteSigner]) throws {
        try Self.checkCharacters(Array(text.utf8))
        guard text.hasSuffix("\n") else {
            throw LogError(.malformedNote, "note text must end with a newline")
        }
        self.text = text
        signatures = try signers.map {
            NoteSignature(name: $0.name, keyID: $0.keyID, signature: try $0.signature(for: Array(text.utf8)))
        }
    }

    /// Parses the serialized form.
    ///
    /// - Throws: ``LogError/Code/malformedNote`` saying which rule the input broke.
    public init(parsing bytes: [UInt8]) throws {
        try Self.checkCharacters(bytes)
        guard let split = Self.lastBlankLine(in: bytes) else {
            throw LogError(.malformedNote, "no blank line separates the note text from its signatures")
        }
        let textBytes = bytes[..<(split + 1)]
        let signatureBytes = bytes[(split + 2)...]
        guard signatureBytes.last == 0x0A else {
            throw LogError(.malformedNote, "the signature block is empty or does not end with a newline")
        }
        var signatures: [NoteSignature] = []
        for (number, line) in signatureBytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard signatures.count < Self.maximumSignatures else {
                throw LogError(.malformedNote, "more than \(Self.maximumSignatures) signature lines")
            }
            signatures.append(try Self.parseSignature(String(decoding: line, as: UTF8.self), number: number + 1))
        }
        self.init(text: String(decoding: textBytes, as: UTF8.self), signatures: signatures)
    }

    /// Parses the serialized form.
    public init(parsing text: String) throws {
        try self.init(parsing: Array(text.utf8))
    }

    /// Text, blank line, signature lines.
    public var serialized: String {
        text + "\n" + signatures.map(\.line).joined()
    }

    private static func parseSignature(_ line: String, number: Int) throws -> NoteSignature {
        guard line.hasPrefix(signaturePrefix) else {
            throw LogError(.malformedNote, "signature line \(number) does not start with an em dash and a space")
        }
        let body = line.dropFirst(signaturePrefix.count)
        let parts = body.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, NoteName.isValid(String(parts[0])) else {
            throw LogError(.malformedNote, "signature line \(number) needs a key name without spaces or '+', a space and base64")
        }
        guard let raw = Data(base64Encoded: String(parts[1])), raw.count >= 5 else {
            throw LogError(.malformedNote, "signature line \(number) by \(parts[0]) is not base64 of a key id and a signature")
        }
        let bytes = Array(raw)
        let id = bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return NoteSignature(name: String(parts[0]), keyID: id, signature: Array(bytes[4...]))
    }

    /// Valid UTF-8 with no control characters but newline (C2SP signed-note).
    private static func checkCharacters(_ bytes: [UInt8]) throws {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value < 0x20 && scalar.value != 0x0A {
                    throw LogError(.malformedNote, "note contains control character U+\(String(scalar.value, radix: 16, uppercase: true)) near byte \(offset); only newline is allowed")
                }
                offset += UTF8.width(scalar)
            case .emptyInput:
                return
            case .error:
                throw LogError(.malformedNote, "note is not valid UTF-8 near byte \(offset)")
            }
        }
    }

    private static func lastBlankLine(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        var index = bytes.count - 2
        while index >= 0 {
            if bytes[index] == 0x0A && bytes[index + 1] == 0x0A { return index }
            index -= 1
        }
        return nil
    }
}

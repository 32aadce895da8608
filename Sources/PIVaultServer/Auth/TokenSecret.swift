import Crypto
import Foundation
import PIVaultCrypto

/// An API token's secret: 256 random bits, shown once at creation and then
/// kept only as its SHA-256 hash. It prints as `<redacted>` and has an empty
/// mirror, so it cannot reach a log by accident; ``reveal()`` is the one way
/// to read it.
public struct TokenSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let text: String

    /// The prefix every token starts with, so secret scanners can find leaked ones.
    public static let prefix = "pvt_"

    /// A new secret from the system's secure random source.
    public static func generate() -> TokenSecret {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return TokenSecret(prefix + base64URL(bytes))
    }

    /// Wraps a presented secret.
    public init(_ text: String) { self.text = text }

    /// The secret itself, for showing it once or sending it.
    public func reveal() -> String { text }

    /// Lowercase hex SHA-256 of the secret: what the database stores.
    public var hash: String {
        SHA256.hash(data: Data(text.utf8)).withUnsafeBytes { HexText.encode($0) }
    }

    /// Whether the text has the shape of a token (prefix and 43 base64url characters).
    public var isWellFormed: Bool {
        text.hasPrefix(Self.prefix) && text.utf8.count == Self.prefix.utf8.count + 43
            && text.utf8.dropFirst(Self.prefix.utf8.count).allSatisfy { Self.alphabet.contains($0) }
    }

    /// `<redacted>`.
    public var description: String { "<redacted>" }
    /// `<redacted>`.
    public var debugDescription: String { "<redacted>" }
    /// An empty mirror.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    static let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

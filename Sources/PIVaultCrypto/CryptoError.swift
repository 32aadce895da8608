/// An error of the key and cipher layer. Messages name keys by version and
/// fields by path; they never carry key material or plaintext.
public struct CryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, extensible error code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable { case invalidKey, unknownKeyVersion, integrity, keyMismatch }
        private let base: Base
        /// Key material has the wrong form (not base64, not 32 bytes).
        public static let invalidKey = Code(base: .invalidKey)
        /// Data is wrapped under a master-key version the keyring does not hold.
        public static let unknownKeyVersion = Code(base: .unknownKeyVersion)
        /// A ciphertext failed authentication: tampered, truncated or moved.
        public static let integrity = Code(base: .integrity)
        /// A master key does not match this vault's key check value.
        public static let keyMismatch = Code(base: .keyMismatch)
        /// The stable spelling.
        public var description: String { base.rawValue }
    }

    /// The code.
    public var code: Code
    /// What happened and what to do.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}

import Crypto
import Foundation

/// A subject's data key (DEK): AES-256-GCM, unique per subject, stored only
/// wrapped under a master key. Destroying its wrapped form crypto-shreds the subject.
public struct DataKey: Sendable, CustomStringConvertible, CustomReflectable {
    let key: SymmetricKey

    /// A fresh random data key.
    public static func generate() -> DataKey {
        var bytes = [UInt8](repeating: 0, count: 32)
        defer { bytes.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        bytes.withUnsafeMutableBytes { SecureRandom.fill($0) }
        return DataKey(key: SymmetricKey(data: bytes))
    }

    init(key: SymmetricKey) { self.key = key }

    /// The raw key bytes, only for wrapping under a master key.
    public func exportForWrapping() -> Data { key.withUnsafeBytes { Data($0) } }

    /// `DataKey(<redacted>)`.
    public var description: String { "DataKey(<redacted>)" }
    /// An empty mirror.
    public var customMirror: Mirror { Mirror(self, children: []) }

    /// Seals `plaintext` with associated data binding it to its place.
    public func seal(_ plaintext: some DataProtocol, binding context: FieldContext) throws -> Data {
        let sealed = try AES.GCM.seal(plaintext, using: key, nonce: try AES.GCM.Nonce(data: SecureRandom.data(count: 12)), authenticating: context.associatedData)
        // Combined = 12-byte nonce ‖ ciphertext ‖ 16-byte tag; always present for a 12-byte nonce.
        return sealed.combined!
    }

    /// Opens a ciphertext sealed for exactly `context`; a moved or altered ciphertext fails.
    public func open(_ combined: Data, binding context: FieldContext) throws(CryptoError) -> Data {
        do {
            let box = try AES.GCM.SealedBox(combined: combined)
            return try AES.GCM.open(box, using: key, authenticating: context.associatedData)
        } catch {
            throw CryptoError(.integrity, "field '\(context.fieldPath)' of record \(context.recordID) failed its integrity check: the ciphertext was altered, truncated or moved from another row")
        }
    }
}

import Crypto
import Foundation

/// The master-key versions a vault process holds, and the operations that use
/// them: wrapping and unwrapping data keys, and the blind-index key.
///
/// New data keys are wrapped under the active (highest) version; any held
/// version can unwrap, so readers keep working while keys are rotated.
public struct Keyring: Sendable, CustomStringConvertible {
    /// Held master keys by version.
    public let keys: [Int: MasterKey]
    /// The version new wraps use.
    public let activeVersion: Int

    /// Creates a keyring; the active version is the highest held.
    public init(_ keys: [MasterKey]) throws(CryptoError) {
        guard let active = keys.map(\.version).max() else {
            throw CryptoError(.invalidKey, "no master key was given; set PIVAULT_MASTER_KEY or pass --master-key-file")
        }
        var byVersion: [Int: MasterKey] = [:]
        for key in keys {
            if byVersion[key.version] != nil {
                throw CryptoError(.invalidKey, "master key version \(key.version) is given twice; each version must appear once")
            }
            byVersion[key.version] = key
        }
        self.keys = byVersion
        self.activeVersion = active
    }

    /// The active master key.
    public var active: MasterKey { keys[activeVersion]! }

    /// The keyring with one more version, which becomes active.
    public func adding(_ key: MasterKey) throws(CryptoError) -> Keyring {
        try Keyring(Array(keys.values) + [key])
    }

    /// The keyring without `version`.
    public func removing(version: Int) throws(CryptoError) -> Keyring {
        try Keyring(keys.values.filter { $0.version != version })
    }

    /// Wraps a data key for `subjectID` under the active version.
    public func wrap(_ dataKey: DataKey, for owner: String) throws -> WrappedKey {
        try wrap(dataKey, for: owner, version: activeVersion)
    }

    /// Wraps a data key under a specific held version.
    public func wrap(_ dataKey: DataKey, for owner: String, version: Int) throws -> WrappedKey {
        guard let master = keys[version] else {
            throw CryptoError(.unknownKeyVersion, "master key version \(version) is not loaded")
        }
        let raw = dataKey.key.withUnsafeBytes { Data($0) }
        let sealed = try AES.GCM.seal(raw, using: master.key, nonce: try AES.GCM.Nonce(data: SecureRandom.data(count: 12)), authenticating: Self.wrapContext(owner, version))
        return WrappedKey(version: version, sealed: sealed.combined!)
    }

    /// Unwraps a data key; fails if the version is not held or the wrap was altered or belongs to another owner.
    public func unwrap(_ wrapped: WrappedKey, for owner: String) throws(CryptoError) -> DataKey {
        guard let master = keys[wrapped.version] else {
            throw CryptoError(.unknownKeyVersion, "a data key is wrapped under master key version \(wrapped.version), which is not loaded; supply that version (see `pivault keys status`)")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: wrapped.sealed)
            let raw = try AES.GCM.open(box, using: master.key, authenticating: Self.wrapContext(owner, wrapped.version))
            return DataKey(key: SymmetricKey(data: raw))
        } catch {
            throw CryptoError(.integrity, "the wrapped data key of \(owner) failed its integrity check under master key version \(wrapped.version)")
        }
    }

    /// Wraps any 32-byte-or-shorter secret (an index or signing key) under the active version.
    public func wrapSecret(_ secret: Data, for owner: String) throws -> WrappedKey {
        let sealed = try AES.GCM.seal(secret, using: active.key, nonce: try AES.GCM.Nonce(data: SecureRandom.data(count: 12)), authenticating: Self.wrapContext(owner, activeVersion))
        return WrappedKey(version: activeVersion, sealed: sealed.combined!)
    }

    /// Unwraps a secret wrapped by ``wrapSecret(_:for:)`` or ``wrap(_:for:)``.
    public func unwrapSecret(_ wrapped: WrappedKey, for owner: String) throws(CryptoError) -> Data {
        try unwrap(wrapped, for: owner).key.withUnsafeBytes { Data($0) }
    }

    /// Re-wraps under the active version (key rotation), without touching data sealed by the data key.
    public func rewrap(_ wrapped: WrappedKey, for owner: String) throws -> WrappedKey {
        try wrap(try unwrap(wrapped, for: owner), for: owner)
    }

    static func wrapContext(_ owner: String, _ version: Int) -> Data {
        Data("pivault/wrap/v1\u{0}\(owner)\u{0}\(version)".utf8)
    }

    /// `Keyring(versions: [1, 2], active: 2)` — no key material.
    public var description: String { "Keyring(versions: \(keys.keys.sorted()), active: \(activeVersion))" }
}

import Foundation

/// One signature line of a C2SP signed note: `— <name> <base64(keyid ‖ signature)>`.
public struct NoteSignature: Sendable, Hashable {
    /// The signing key's name.
    public var name: String
    /// The signing key's 4-byte id.
    public var keyID: UInt32
    /// The signature bytes after the key id (64 bytes for Ed25519).
    public var signature: [UInt8]

    /// Creates a signature line.
    public init(name: String, keyID: UInt32, signature: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.signature = signature
    }

    /// The line including its trailing newline.
    public var line: String {
        let id = [UInt8(keyID >> 24), UInt8(truncatingIfNeeded: keyID >> 16), UInt8(truncatingIfNeeded: keyID >> 8), UInt8(truncatingIfNeeded: keyID)]
        return "\(SignedNote.signaturePrefix)\(name) \((id + signature).base64String)\n"
    }

    /// `name+hexid`, as used in messages.
    public var keyLabel: String { "\(name)+\(NoteName.hex(keyID))" }
}

/// A signed note whose signatures were checked against known keys.
public struct VerifiedNote: Sendable, Hashable {
    /// The signed text.
    public var text: String
    /// Signatures by known keys, each valid.
    public var verifiedSignatures: [NoteSignature]
    /// Signatures by keys not in the verifier set (e.g. witnesses' cosignatures), unchecked.
    public var unverifiedSignatures: [NoteSignature]
}

extension SignedNote {
    /// Checks the signatures against `verifiers` (C2SP signed-note).
    ///
    /// A signature whose name and key id match no verifier is set aside
    /// unchecked; a repeated signature by the same key counts once.
    ///
    /// - Throws: ``LogError/Code/invalidSignature`` when a known key's
    ///   signature does not verify over the text (the text or the signature was
    ///   altered); ``LogError/Code/unverifiedNote`` when no known key signed.
    public func verify(with verifiers: [NoteVerifier]) throws -> VerifiedNote {
        var verified: [NoteSignature] = []
        var unverified: [NoteSignature] = []
        var seen = Set<NoteSignature>()
        let message = Array(text.utf8)
        for signature in signatures where seen.insert(signature).inserted {
            guard let verifier = verifiers.first(where: { $0.name == signature.name && $0.keyID == signature.keyID }) else {
                unverified.append(signature)
                continue
            }
            guard !verified.contains(where: { $0.name == signature.name && $0.keyID == signature.keyID }) else { continue }
            guard verifier.isValidSignature(signature.signature, for: message) else {
                throw LogError(.invalidSignature, "signature by \(signature.keyLabel) does not verify over the note text: the text or the signature was altered")
            }
            verified.append(signature)
        }
        guard !verified.isEmpty else {
            let known = verifiers.map { "\($0.name)+\(NoteName.hex($0.keyID))" }.joined(separator: ", ")
            let found = signatures.map(\.keyLabel).joined(separator: ", ")
            throw LogError(.unverifiedNote, "note has no signature by a known key; known: [\(known)], signed by: [\(found)]")
        }
        return VerifiedNote(text: text, verifiedSignatures: verified, unverifiedSignatures: unverified)
    }
}

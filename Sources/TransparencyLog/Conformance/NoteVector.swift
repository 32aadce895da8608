/// Evaluates one signed-note vector case; a thrown error is the "invalid" outcome.
enum NoteVector {
    static func run(_ item: [String: Any]) throws {
        guard let vkey = item["vkey"] as? String, let signedNote = item["signedNote"] as? String else {
            throw LogError(.malformedNote, "case lacks vkey or signedNote")
        }
        let verifier = try NoteVerifier(vkey)
        let note = try SignedNote(parsing: signedNote).verify(with: [verifier])
        if let text = item["text"] as? String, note.text != text {
            throw LogError(.malformedNote, "verified note text differs from the case's text")
        }
        // With the signer key present, signing must round-trip through the same verifier.
        if let skey = item["skey"] as? String {
            let signer = try NoteSigner(skey)
            guard signer.verifier == verifier else {
                throw LogError(.malformedKey, "signer key \(signer.name) does not match verifier key \(verifier.name)+\(NoteName.hex(verifier.keyID))")
            }
            let resigned = try SignedNote(signing: note.text, with: [signer])
            _ = try SignedNote(parsing: resigned.serialized).verify(with: [verifier])
        }
    }
}

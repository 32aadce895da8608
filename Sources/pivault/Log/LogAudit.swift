import Foundation
import TransparencyLog

/// The checks behind `pivault log audit`, each failing with a message that
/// says which checkpoint or which access-history entry did not match.
enum LogAudit {
    /// The checkpoint a signed note commits to, once its signature verifies.
    static func checkpoint(_ note: [UInt8], _ which: String, verifiers: [NoteVerifier], origin: String?) throws -> Checkpoint {
        do {
            return try SignedCheckpoint(verifying: note, with: verifiers, origin: origin).checkpoint
        } catch let error as LogError {
            throw LogError(error.code, "the \(which) checkpoint does not verify under the given key: \(error.message)")
        }
    }

    /// The inclusion proofs in an access history: a folder from `pivault log
    /// history --output` (its `proof-N.json` files) or the JSON of
    /// `GET /v1/subjects/{id}/access-history` (each event's `proof`).
    static func historyProofs(_ path: String) throws -> [(label: String, proof: InclusionProofFile)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LogError(.io, "no access history at \(path); give a folder from `pivault log history SUBJECT --output DIR` or an access-history JSON file")
        }
        var proofs: [(label: String, proof: InclusionProofFile)] = []
        if isDirectory.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: path)
                .filter { $0.hasPrefix("proof-") && $0.hasSuffix(".json") }
                .sorted { (Int($0.dropFirst(6).dropLast(5)) ?? 0) < (Int($1.dropFirst(6).dropLast(5)) ?? 0) }
            for name in names {
                proofs.append((name, try InclusionProofFile(json: try LogCommandSupport.read(path + "/" + name, "proof"))))
            }
        } else {
            let data = Data(try LogCommandSupport.read(path, "access history"))
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let events = object["events"] as? [[String: Any]] else {
                throw LogError(.malformedProofFile, "\(path) is not an access history: expected a JSON object with an 'events' array")
            }
            for (offset, event) in events.enumerated() {
                guard let proof = event["proof"] else {
                    throw LogError(.malformedProofFile, "event \(offset) in \(path) has no 'proof'")
                }
                let json = try JSONSerialization.data(withJSONObject: proof)
                proofs.append(("event \(offset) (leaf \(event["index"].map { "\($0)" } ?? "?"))", try InclusionProofFile(json: Array(json))))
            }
        }
        guard !proofs.isEmpty else {
            throw LogError(.malformedProofFile, "\(path) holds no inclusion proofs; nothing to check")
        }
        return proofs
    }

    /// Checks that the entry a proof is about is in the tree the newer checkpoint
    /// commits to — directly when the proof is for that size, otherwise by a
    /// proof rebuilt from the log's tiles for the same entry.
    static func checkIncluded(_ proof: InclusionProofFile, label: String, in note: [UInt8], size: UInt64, verifiers: [NoteVerifier],
                              origin: String?, reader: TileProofReader?) async throws {
        var current = proof
        if proof.treeSize > size {
            throw LogError(.sizeMismatch, "access-history \(label) is proven against size \(proof.treeSize), beyond the newer checkpoint's \(size); audit against a newer checkpoint")
        }
        if proof.treeSize < size {
            guard let reader else {
                throw LogError(.sizeMismatch, "access-history \(label) is proven against size \(proof.treeSize), not the newer checkpoint's \(size); pass --server URL to rebuild its proof from the log's tiles")
            }
            _ = try proof.resolvedLeafHash()
            current = try await reader.inclusionProof(index: proof.leafIndex, size: size)
            // The entry is the person's own copy, never the one the tiles would give.
            current.leafHash = proof.leafHash
            current.leafData = proof.leafData
        }
        do {
            _ = try OfflineVerifier.verifyInclusion(checkpoint: note, proof: current, verifiers: verifiers, origin: origin)
        } catch let error as LogError {
            throw LogError(error.code, "MISSING: access-history \(label) (leaf \(proof.leafIndex)) is not included in the checkpoint at size \(size) — \(error.message)")
        }
    }
}

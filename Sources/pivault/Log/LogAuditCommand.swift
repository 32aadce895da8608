import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TransparencyLog

/// `pivault log audit`: checks that the log only grew between two signed
/// checkpoints, and that a person's access-history entries are in the newer one.
struct LogAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check that the log only grew between two signed checkpoints, and that your access-history entries are in the newer one.",
        discussion: """
            The older checkpoint is --from FILE (or the first argument); the newer one is --to FILE (or the \
            second argument), or with --server the server's current /log/checkpoint. The consistency proof \
            comes from --proof FILE ({"oldSize": M, "newSize": N, "hashes": [...]}) or is built from the \
            server's public tiles (/log/tile/…). Both checkpoints must verify under --key (the vault's \
            verifier key, name+hexid+base64, from `pivault log key` or GET /log/checkpoint's signer).
            --history takes what `pivault log history SUBJECT --output DIR` wrote (the folder) or the JSON of \
            GET /v1/subjects/{id}/access-history (a file); each entry must be included in the newer \
            checkpoint (proofs for an older size are rebuilt from the server's tiles).
            Exits non-zero, saying what did not match, on any inconsistency.
            """
    )

    @Argument(help: "The older signed checkpoint (same as --from).")
    var old: String?

    @Argument(help: "The newer signed checkpoint (same as --to).")
    var new: String?

    @Option(help: "The older signed checkpoint file.")
    var from: String?

    @Option(help: "The newer signed checkpoint file; default with --server: the server's current checkpoint.")
    var to: String?

    @Option(help: "The consistency proof JSON file; default with --server: built from the server's tiles.")
    var proof: String?

    @Option(help: "The vault server's base URL (e.g. https://vault.example); its /log/checkpoint and /log/tile/… are public.")
    var server: String?

    @Option(help: "Access-history proofs to check against the newer checkpoint: a `log history --output` folder or an access-history JSON file; repeatable.")
    var history: [String] = []

    @Option(help: "The log's verifier key (name+hexid+base64) or a file of keys; repeatable.")
    var key: [String] = []

    @Option(help: "Require both checkpoints to be for this log origin.")
    var origin: String?

    func validate() throws {
        if from != nil, old != nil { throw ValidationError("give the older checkpoint once: either --from FILE or the first argument") }
        if to != nil, new != nil { throw ValidationError("give the newer checkpoint once: either --to FILE or the second argument") }
        if from == nil, old == nil { throw ValidationError("give the older checkpoint: --from FILE") }
        if to == nil, new == nil, server == nil { throw ValidationError("give the newer checkpoint (--to FILE) or --server URL to use the server's current one") }
        if proof == nil, server == nil { throw ValidationError("give the consistency proof (--proof FILE) or --server URL to build it from the log's tiles") }
    }

    func run() async throws {
        do {
            let verifiers = try LogCommandSupport.verifiers(key)
            let source = try server.map { try TileSource(base: $0) }
            let oldNote = try LogCommandSupport.read(from ?? old!, "older checkpoint")
            let newNote: [UInt8]
            if let path = to ?? new {
                newNote = try LogCommandSupport.read(path, "newer checkpoint")
            } else {
                newNote = try await source!.get("checkpoint")
            }
            let older = try LogAudit.checkpoint(oldNote, "older", verifiers: verifiers, origin: origin)
            let newer = try LogAudit.checkpoint(newNote, "newer", verifiers: verifiers, origin: origin)
            let consistency: ConsistencyProofFile
            if let proof {
                consistency = try ConsistencyProofFile(json: try LogCommandSupport.read(proof, "proof"))
            } else {
                consistency = try await source!.reader.consistencyProof(old: older.size, new: newer.size)
            }
            let result: OfflineVerifier.Consistency
            do {
                result = try OfflineVerifier.verifyConsistency(old: oldNote, new: newNote, proof: consistency, verifiers: verifiers, origin: origin)
            } catch let error as LogError {
                throw LogError(error.code, "INCONSISTENT: the log at size \(newer.size) does not extend the log at size \(older.size) — \(error.message)")
            }
            print("OK: \(result.new.origin) at size \(result.new.size) extends size \(result.old.size) (consistency proof of \(consistency.hashes.count) hash(es) verified)")
            var checked = 0
            for path in history {
                for (label, file) in try LogAudit.historyProofs(path) {
                    try await LogAudit.checkIncluded(file, label: label, in: newNote, size: newer.size, verifiers: verifiers, origin: origin, reader: source?.reader)
                    checked += 1
                }
            }
            if !history.isEmpty {
                print("OK: \(checked) access-history entr\(checked == 1 ? "y is" : "ies are") included in the checkpoint at size \(newer.size)")
            }
        } catch {
            throw LogCommandSupport.fail(error)
        }
    }
}

/// Reads a log's public resources (`/log/checkpoint`, `/log/tile/…`) over HTTP.
struct TileSource: Sendable {
    let base: URL

    init(base text: String) throws {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed + "/log/"), let scheme = url.scheme, ["http", "https"].contains(scheme) else {
            throw LogError(.invalidArgument, "--server must be an http or https URL, e.g. https://vault.example")
        }
        base = url
    }

    var reader: TileProofReader {
        let source = self
        return TileProofReader { path in try await source.get(path) }
    }

    func get(_ path: String) async throws -> [UInt8] {
        let url = base.appendingPathComponent(path)
        let (data, response) = try await URLSession.shared.data(from: url)
        guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
            throw LogError(.io, "GET \(url.absoluteString) answered \((response as? HTTPURLResponse)?.statusCode ?? 0), not 200")
        }
        return Array(data)
    }
}

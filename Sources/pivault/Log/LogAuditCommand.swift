import ArgumentParser
import TransparencyLog

/// `pivault log audit OLD NEW`: checks that the log only grew between two signed checkpoints.
struct LogAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check that the log between two signed checkpoints only grew (a consistency proof).",
        discussion: """
            The proof file is JSON: {"oldSize": M, "newSize": N, "hashes": ["<base64>", ...]}, \
            with sizes equal to the two checkpoints' sizes.
            """
    )

    @Argument(help: "The older signed checkpoint.")
    var old: String

    @Argument(help: "The newer signed checkpoint.")
    var new: String

    @Option(help: "The consistency proof JSON file.")
    var proof: String

    @Option(help: "The log's verifier key (name+hexid+base64) or a file of keys; repeatable.")
    var key: [String] = []

    @Option(help: "Require both checkpoints to be for this log origin.")
    var origin: String?

    func run() async throws {
        do {
            let result = try OfflineVerifier.verifyConsistency(
                old: try LogCommandSupport.read(old, "old checkpoint"),
                new: try LogCommandSupport.read(new, "new checkpoint"),
                proof: try ConsistencyProofFile(json: try LogCommandSupport.read(proof, "proof")),
                verifiers: try LogCommandSupport.verifiers(key),
                origin: origin)
            print("OK: \(result.new.origin) at size \(result.new.size) extends size \(result.old.size)")
        } catch {
            throw LogCommandSupport.fail(error)
        }
    }
}

import ArgumentParser
import TransparencyLog

/// `pivault log verify`: checks offline that an entry is in the log a signed checkpoint commits to.
struct LogVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an inclusion proof against a signed checkpoint, offline.",
        discussion: """
            The proof file is JSON: {"leafIndex": N, "treeSize": S, "leafHash": "<base64>" and/or \
            "leafData": "<base64 entry>", "hashes": ["<base64>", ...]}. treeSize must equal the checkpoint's size.
            """
    )

    @Option(help: "The signed checkpoint (a C2SP signed note).")
    var checkpoint: String

    @Option(help: "The inclusion proof JSON file.")
    var proof: String

    @Option(help: "The log's verifier key (name+hexid+base64) or a file of keys; repeatable.")
    var key: [String] = []

    @Option(help: "Require the checkpoint to be for this log origin.")
    var origin: String?

    func run() async throws {
        do {
            let result = try OfflineVerifier.verifyInclusion(
                checkpoint: try LogCommandSupport.read(checkpoint, "checkpoint"),
                proof: try InclusionProofFile(json: try LogCommandSupport.read(proof, "proof")),
                verifiers: try LogCommandSupport.verifiers(key),
                origin: origin)
            print("OK: leaf \(result.leafIndex) (hash \(result.leafHash.hex)) is in \(result.checkpoint.origin) at size \(result.checkpoint.size), root \(result.checkpoint.root.hex)")
        } catch {
            throw LogCommandSupport.fail(error)
        }
    }
}

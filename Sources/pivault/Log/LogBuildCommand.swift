import ArgumentParser
import Foundation
import TransparencyLog

/// `pivault log build`: builds a log from a file of entries and writes signed
/// checkpoints and proof files, for demonstrations and for testing verifiers.
struct LogBuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build a log from ENTRIES (one entry per line) and write signed checkpoints and proofs to --out.",
        discussion: """
            Writes OUT/checkpoint; for each --prove I, OUT/proof-I.json (with the entry as leafData); \
            for each --old-size M, OUT/checkpoint-M and OUT/consistency-M.json proving the final tree extends size M.
            """
    )

    @Argument(help: "A text file; each line is one entry.")
    var entries: String

    @Option(help: "The log origin written into checkpoints.")
    var origin: String

    @Option(help: "File holding the PRIVATE+KEY+… signer key (see `pivault log keygen`).")
    var signer: String

    @Option(help: "Output directory (created if missing).")
    var out: String

    @Option(help: "Leaf index to write an inclusion proof for; repeatable.")
    var prove: [UInt64] = []

    @Option(name: .customLong("old-size"), help: "Earlier size to write a checkpoint and consistency proof for; repeatable.")
    var oldSize: [UInt64] = []

    func run() async throws {
        do {
            let key = try NoteSigner(String(decoding: try LogCommandSupport.read(signer, "signer key"), as: UTF8.self))
            let lines = String(decoding: try LogCommandSupport.read(entries, "entries"), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
            let items = lines.last?.isEmpty == true ? Array(lines.dropLast()) : lines
            let log = try await MerkleLog(storage: InMemoryMerkleStorage())
            try await log.append(items)
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let size = await log.size
            try write(try await log.signedCheckpoint(origin: origin, signers: [key]), "checkpoint")
            for index in prove {
                guard index < size else { throw LogError(.invalidArgument, "--prove \(index) is not below the log size \(size)") }
                let file = try await log.inclusionProofFile(index: index, size: size, entry: items[Int(index)])
                try write(String(decoding: try file.json(), as: UTF8.self), "proof-\(index).json")
            }
            for old in oldSize {
                let checkpoint = try Checkpoint(origin: origin, size: old, root: try await log.root(at: old))
                try write(try SignedCheckpoint.sign(checkpoint, with: [key]), "checkpoint-\(old)")
                let file = try await log.consistencyProofFile(old: old, new: size)
                try write(String(decoding: try file.json(), as: UTF8.self), "consistency-\(old).json")
            }
            print("built \(origin) with \(size) entries, root \(try await log.root(at: size).hex)")
        } catch {
            throw LogCommandSupport.fail(error)
        }
    }

    private func write(_ text: String, _ name: String) throws {
        let path = URL(fileURLWithPath: out).appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw LogError(.io, "cannot write \(path)")
        }
        print("wrote \(path)")
    }
}

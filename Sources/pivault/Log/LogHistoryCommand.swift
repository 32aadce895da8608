import ArgumentParser
import Foundation
import PIVault
import TransparencyLog

/// `pivault log history SUBJECT`: every logged use of a subject's data, each provable.
struct LogHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List every event about a subject — who, role, when, purpose, fields, decision — with its leaf index.",
        discussion: """
            Each event comes with an inclusion proof against the latest signed checkpoint. With --output DIR \
            the checkpoint, the verifier key and one proof file per event are written there, ready for \
            `pivault log verify --checkpoint DIR/checkpoint --proof DIR/proof-N.json --key DIR/key`.
            """
    )

    @OptionGroup var options: VaultOptions

    @Argument(help: "The subject id.")
    var subject: String

    @Option(help: "Write the checkpoint, key and proof files to this folder.")
    var output: String?

    @Flag(help: "Print JSON instead of one line per event.")
    var json = false

    func run() async throws {
        try await runReporting {
            let history = try await options.withVault { try await $0.accessHistory(subject) }
            for entry in history.entries {
                let verified = try OfflineVerifier.verifyInclusion(
                    checkpoint: Array(history.checkpoint.utf8), proof: entry.proof,
                    verifiers: [try NoteVerifier(history.verifierKey)])
                precondition(verified.leafIndex == entry.index, "a proof names the leaf it proves")
            }
            if let output { try write(history, to: output) }
            if json {
                try CLI.printJSON(history)
                return
            }
            let formatter = ISO8601DateFormatter()
            for entry in history.entries {
                let event = entry.event
                let fields = event.fields.isEmpty ? "-" : event.fields.joined(separator: ",")
                print("#\(entry.index)  \(formatter.string(from: event.time))  \(event.kind)  \(event.actor) (\(event.role))  purpose=\(event.purpose ?? "-")  fields=\(fields)  \(event.decision)")
            }
            let checkpoint = try SignedCheckpoint(verifying: Array(history.checkpoint.utf8), with: [try NoteVerifier(history.verifierKey)]).checkpoint
            print("\(history.entries.count) event(s), every inclusion proof verified against checkpoint \(checkpoint.origin) size \(checkpoint.size)")
        }
    }

    private func write(_ history: AccessHistory, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(history.checkpoint.utf8).write(to: URL(fileURLWithPath: folder + "/checkpoint"))
        try Data((history.verifierKey + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/key"))
        for entry in history.entries {
            try Data(try entry.proof.json()).write(to: URL(fileURLWithPath: folder + "/proof-\(entry.index).json"))
        }
    }
}

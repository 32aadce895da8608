import PIVaultCore
import ArgumentParser
import Foundation
import PIVault
import Synchronization

/// `pivault import FILE --standard S --purpose P`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bulk-load CSV (header row of field names) or JSON Lines, streaming, with a progress bar.")

    @OptionGroup var options: VaultOptions
    @Argument(help: "The file.") var file: String
    @Option(help: "Collection standard.") var standard: String
    @Option(help: "Purpose of collection.") var purpose: String
    @Option(help: "csv or jsonl (default: from the file name).") var format: String?
    @Option(help: "skip: report bad rows and go on; abort: report them and store nothing.") var onError: String = "skip"
    @Flag(help: "No progress bar.") var quiet = false

    func run() async throws {
        try await runReporting {
            guard let mode = RecordImporter.OnError(rawValue: onError) else { throw ValidationError("--on-error must be skip or abort") }
            let chosen = try format.map { name -> ImportFormat in
                guard let value = ImportFormat(rawValue: name) else { throw ValidationError("--format must be csv or jsonl") }
                return value
            } ?? ImportFormat.guess(path: file)
            guard FileManager.default.isReadableFile(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.int64Value ?? 0
            let bar = ProgressBar(total: size, enabled: !quiet)
            let report = try await options.withVault { vault in
                try await RecordImporter(vault: vault, standard: standard, purpose: purpose, format: chosen, onError: mode)
                    .run(path: file) { rows, bytes in bar.update(rows: rows, bytes: bytes) }
            }
            bar.finish()
            for error in report.errors { CLI.warn(error) }
            if report.aborted {
                CLI.warn("aborted: \(report.rejected) bad row(s); nothing was stored")
                throw ExitCode(1)
            }
            print("imported \(report.imported) record(s), skipped \(report.rejected) bad row(s)")
            if report.rejected > 0 { throw ExitCode(3) }
        }
    }
}

/// A one-line progress bar on stderr: rows, rate, percentage and ETA.
final class ProgressBar: Sendable {
    private let total: Int64
    private let enabled: Bool
    private let start = Date()

    init(total: Int64, enabled: Bool) {
        self.total = total
        self.enabled = enabled && isatty(2) != 0 || ProcessInfo.processInfo.environment["PIVAULT_PROGRESS"] == "1"
    }

    func update(rows: Int, bytes: Int64) {
        guard enabled else { return }
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(rows) / elapsed
        let fraction = total > 0 ? min(Double(bytes) / Double(total), 1) : 0
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = String(format: "\r[%@] %3.0f%%  %d rows  %.0f rows/s  ETA %.0fs ", bar, fraction * 100, rows, rate, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

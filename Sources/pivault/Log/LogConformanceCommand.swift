import ArgumentParser
import Foundation
import TransparencyLog

/// `pivault log conformance DIR`: runs every Merkle and signed-note vector file under DIR.
struct LogConformanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run every inclusion, consistency and signed-note vector file under DIR.",
        discussion: "Prints one line per failing vector and closes with `N passed, M failed`; exits non-zero on any failure."
    )

    @Argument(help: "Directory searched recursively for .json vector files.")
    var directory: String

    func run() async throws {
        let report: LogConformanceReport
        do {
            report = try LogConformanceRunner.run(directory: directory)
        } catch {
            throw LogCommandSupport.fail(error)
        }
        for failure in report.failures { print(failure) }
        if !report.unrecognizedFiles.isEmpty {
            print("\(report.unrecognizedFiles.count) JSON files skipped: not a vector layout")
        }
        print(report.summary)
        if report.passed + report.failed == 0 {
            FileHandle.standardError.write(Data("error: no vector files found under \(directory)\n".utf8))
            throw ExitCode.failure
        }
        if report.failed > 0 { throw ExitCode.failure }
    }
}

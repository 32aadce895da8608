import ArgumentParser
import Foundation
import HealthCode

/// `pivault healthcode conformance DIR`: run EU DCC test vectors.
struct HealthCodeConformanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conformance",
        abstract: "Run every EU DCC test vector under DIR; honours DIR/known_issues.csv.")

    @Argument(help: "Folder of vectors (e.g. ../shared/testdata/dcc); nested folders are searched.")
    var directory: String

    @Flag(help: "Also list skipped checks and their reasons.")
    var verbose = false

    func run() async throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            HealthCodeCLI.printError("error: \(directory) is not a folder; pass the folder holding the vectors")
            throw ExitCode(2)
        }
        let report: ConformanceReport
        do {
            report = try ConformanceRunner.run(directory: directory)
        } catch {
            HealthCodeCLI.printError("error: \(error)")
            throw ExitCode(2)
        }
        for skip in report.skips where verbose || skip.detail.hasPrefix("known issue") {
            print("SKIP \(skip)")
        }
        for failure in report.failures { print("FAIL \(failure)") }
        if report.outOfScope > 0 {
            print("not run: \(report.outOfScope) picture-decoding and schema-validation checks (out of scope)")
        }
        print(report.summary)
        if !report.failures.isEmpty { throw ExitCode.failure }
        if report.passed == 0 {
            HealthCodeCLI.printError("error: no test vectors found under \(directory) (expected JSON files in raw/ folders)")
            throw ExitCode.failure
        }
    }
}

import ArgumentParser
import Deidentify
import Foundation

/// `pivault anonymize`: k-anonymity and l-diversity over a CSV table (GB/T 37964-2019).
struct AnonymizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymize",
        abstract: "Generalise and suppress a CSV table until it is k-anonymous and l-diverse (GB/T 37964).",
        discussion: """
        Prints a JSON report: achieved k and l, suppressed rows, levels, information loss and \
        whether the output is "anonymised" or only "de-identified" (PIPL Art. 73). \
        Hierarchy files are JSON: {"age": {"type": "interval", "widths": [5, 10, 20]}, "birth": {"type": "date"}, \
        "addr": {"type": "address"}, "sex": {"type": "categorical"}, "dx": {"type": "table", "levels": {"J10": ["J00-J99"]}}}.
        """)

    @Argument(help: "The CSV table (UTF-8, header line first).") var table: String
    @Option(help: "Quasi-identifier columns, comma-separated.") var quasi: String
    @Option(help: "Sensitive columns, comma-separated.") var sensitive: String?
    @Option(help: "Minimum equivalence-class size.") var k: Int
    @Option(help: "Minimum distinct sensitive values per class.") var l: Int = 1
    @Option(help: "Largest share of rows that may be suppressed, e.g. 5%.") var maxSuppression: String = "0%"
    @Option(help: "JSON hierarchy file.") var hierarchies: String?
    @Option(help: "Where to write the released table (default: TABLE.released.csv).") var out: String?
    @Option(help: "Where to write the JSON report (it is printed either way).") var report: String?
    @Option(help: "Columns to remove (direct identifiers, pseudonyms), comma-separated.") var drop: String?

    func run() async throws {
        try await AnonymizeCLI.reporting {
            let configuration = AnonymityConfiguration(
                quasiIdentifiers: AnonymizeCLI.list(quasi),
                sensitiveAttributes: AnonymizeCLI.list(sensitive),
                k: k, l: l,
                maxSuppression: try AnonymizeCLI.percent(maxSuppression),
                hierarchies: try hierarchies.map(AnonymityHierarchyFile.load) ?? [:],
                dropped: AnonymizeCLI.list(drop))
            let source = try AnonymityTable.read(path: table)
            let result = try AnonymityAnonymizer.anonymize(source, configuration: configuration)
            let destination = out ?? Self.defaultOutput(for: table)
            try result.write(to: AnonymityCSVWriter(path: destination))
            let json = try AnonymizeCLI.json(result.report)
            if let report { try AnonymityAtomicFile.write([UInt8](json), to: report) }
            print(String(decoding: json, as: UTF8.self))
            AnonymizeCLI.warn("released \(result.report.releasedRows) of \(result.report.rows) rows to \(destination): k=\(result.report.achievedK)\(result.report.achievedL.map { ", l=\($0)" } ?? ""), \(result.report.statement)")
        }
    }

    static func defaultOutput(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingPathExtension().path + ".released.csv"
    }
}

import ArgumentParser
import Deidentify
import Foundation

/// `pivault scan`: finds Chinese personal information in a file.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find personal information (resident IDs, phones, cards, names, addresses …) in a file.",
        discussion: """
            Without options, prints a report: counts per type and the first locations (line, \
            code-point offsets, type, rule) — never the values. --jsonl reads one JSON object per \
            line with a "text" field and writes {"id", "spans": [{"start","end","type","confidence"}]} \
            per line. --eval scores the scanner on a labelled corpus (../shared/testdata/pii format).
            """)

    @Argument(help: "The file to scan.")
    var file: String

    @Flag(help: "Input is JSON Lines with a \"text\" field; write spans as JSON Lines.")
    var jsonl = false

    @Flag(help: "Input is a labelled corpus; print precision, recall and F1 per type.")
    var eval = false

    @Flag(help: "With --eval, print the summary as JSON.")
    var json = false

    @Option(help: "Write output to this file instead of standard output (written atomically).")
    var out: String?

    @Option(help: "Comma-separated types to report (e.g. CN_ID,CN_PHONE); default all.")
    var types: String?

    @Flag(help: "Show a progress bar on stderr even when it is not a terminal.")
    var progress = false

    func run() async throws {
        do {
            let scanner = PIIScanner(configuration: try PIIScanner.Configuration(typeList: types))
            let input = URL(fileURLWithPath: file)
            if eval {
                let summary = EvaluationSummary(scanner.evaluate(try CorpusReader.records(at: input)))
                let text: String
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    text = String(decoding: try encoder.encode(summary), as: UTF8.self) + "\n"
                } else {
                    text = summary.table + "\n"
                }
                try emit(text)
            } else if jsonl {
                let bar = PIIProgressBar(enabled: progress || isatty(STDERR_FILENO) != 0)
                var last = JobProgress(bytesRead: 0, totalBytes: nil, lines: 0)
                if let out {
                    let writer = try AtomicFileWriter(destination: URL(fileURLWithPath: out))
                    try ScanJob(scanner: scanner).jsonl(input: input, write: { try writer.write($0) }) { last = $0; bar.update($0) }
                    try writer.commit()
                } else {
                    let sink = StandardOutputSink()
                    try ScanJob(scanner: scanner).jsonl(input: input, write: { sink.write($0) }) { last = $0; bar.update($0) }
                    sink.flush()
                }
                bar.finish(last)
            } else {
                let bar = PIIProgressBar(enabled: progress || isatty(STDERR_FILENO) != 0)
                var last = JobProgress(bytesRead: 0, totalBytes: nil, lines: 0)
                let report = try ScanJob(scanner: scanner).report(input: input) { last = $0; bar.update($0) }
                bar.finish(last)
                try emit(Self.render(report))
            }
        } catch {
            throw failScan(error)
        }
    }

    private func emit(_ text: String) throws {
        if let out {
            let writer = try AtomicFileWriter(destination: URL(fileURLWithPath: out))
            try writer.write(text)
            try writer.commit()
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    static func render(_ r: ScanJob.Report) -> String {
        var lines = ["\(r.lines) lines, \(r.bytes) bytes; \(r.linesWithPII) lines hold personal information"]
        for (type, count) in r.spansByType.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(type.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)) \(count)")
        }
        if !r.locations.isEmpty {
            lines.append("first locations (line:start-end, code points):")
            for l in r.locations {
                lines.append("  \(l.line):\(l.span.start)-\(l.span.end)  \(l.span.type.rawValue)  \(l.span.rule)  \(String(format: "%.2f", l.span.confidence))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

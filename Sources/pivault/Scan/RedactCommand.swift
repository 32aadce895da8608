import ArgumentParser
import Deidentify
import Foundation

/// `pivault redact`: replaces personal information in a text, CSV or JSON Lines file.
struct RedactCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redact",
        abstract: "Mask, remove, tag, pseudonymise or generalise personal information in a file.",
        discussion: """
            Streams the input with constant memory and writes the output atomically (a temporary \
            file renamed when complete). Operators: mask (display forms, e.g. 138****5678), redact \
            (remove), tag (<CN_PHONE>), pseudonym (keyed HMAC-SHA-256, needs --key-file), generalise \
            (address to district, age to band, date to month). Masked, pseudonymised and generalised \
            output is still personal information under PIPL Art. 73; the summary says which.
            """)

    enum Operator: String, ExpressibleByArgument, CaseIterable { case mask, redact, tag, pseudonym, generalise }

    @Argument(help: "The file to redact.")
    var file: String

    @Option(help: "mask | redact | tag | pseudonym | generalise")
    var `operator`: Operator = .mask

    @Option(help: "Key for --operator pseudonym: 64 hex characters or at least 16 raw bytes.")
    var keyFile: String?

    @Option(help: "Output file; standard output when omitted.")
    var out: String?

    @Option(help: "text | csv | jsonl; guessed from the extension when omitted.")
    var format: String?

    @Option(help: "CSV columns or JSON keys to redact, comma-separated; default all columns / the text key.")
    var columns: String?

    @Option(help: "Comma-separated types to redact (e.g. CN_ID,PERSON); default all.")
    var types: String?

    @Flag(help: "Show a progress bar on stderr even when it is not a terminal.")
    var progress = false

    func run() async throws {
        do {
            let op: PIIOperator
            switch `operator` {
            case .mask: op = .mask()
            case .redact: op = .redact
            case .tag: op = .tag
            case .generalise: op = .generalise()
            case .pseudonym:
                guard let keyFile else {
                    throw PIIError(code: .invalidKey, message: "--operator pseudonym needs --key-file FILE (e.g. `head -c 32 /dev/urandom > key`)")
                }
                op = .pseudonym(key: try PseudonymKey(contentsOf: URL(fileURLWithPath: keyFile)))
            }
            let fmt: DocumentFormat
            if let format {
                guard let f = DocumentFormat(rawValue: format) else {
                    throw PIIError(code: .invalidArgument, message: "--format must be text, csv or jsonl")
                }
                fmt = f
            } else {
                fmt = DocumentFormat.guess(fromPath: file)
            }
            let cols = columns?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let scanner = PIIScanner(configuration: try PIIScanner.Configuration(typeList: types))
            let job = RedactionJob(redactor: PIIRedactor(scanner: scanner, operator: op), format: fmt, columns: cols)
            let input = URL(fileURLWithPath: file)
            guard FileManager.default.fileExists(atPath: input.path) else {
                throw PIIError(code: .ioFailure, message: "no such file: \(file)")
            }
            let bar = PIIProgressBar(enabled: progress || isatty(STDERR_FILENO) != 0)
            var last = JobProgress(bytesRead: 0, totalBytes: nil, lines: 0)
            let summary: RedactionSummary
            if let out {
                summary = try job.run(input: input, output: URL(fileURLWithPath: out)) { last = $0; bar.update($0) }
            } else {
                let sink = StandardOutputSink()
                summary = try job.run(input: input, write: { sink.write($0) }) { last = $0; bar.update($0) }
                sink.flush()
            }
            bar.finish(last)
            let counts = summary.spansByType.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " ")
            let status = summary.outputIsPseudonymised
                ? "de-identified (still personal information under PIPL Art. 73; keep it protected)"
                : "values removed or tagged (re-identification still possible from remaining text)"
            FileHandle.standardError.write(Data("redacted \(summary.records) records: \(counts.isEmpty ? "nothing found" : counts)\noutput: \(status)\n".utf8))
        } catch {
            throw failScan(error)
        }
    }
}

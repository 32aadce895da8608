import Foundation
import PIVaultCore

/// Turns lines of an import file into validated submissions.
struct RowParser {
    let format: ImportFormat
    let standard: String
    let purpose: String
    let vault: Vault
    private var header: [String]?
    private var splitter = CSVLineSplitter()
    private var recordStartLine = 0

    init(format: ImportFormat, standard: String, purpose: String, vault: Vault) {
        self.format = format
        self.standard = standard
        self.purpose = purpose
        self.vault = vault
    }

    /// The row's result, or nil for lines that are not rows (header, blank, continuation).
    mutating func parse(_ line: [UInt8], number: Int) -> Result<Submission, ImportError>? {
        switch format {
        case .jsonl:
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
            guard case .object(let object)? = try? JSONParser.parse(line) else {
                return .failure(ImportError(line: number, message: "not a JSON object; each line must be one object of field names to values"))
            }
            return validate(object, line: number)
        case .csv:
            if !splitter.isInsideQuotes { recordStartLine = number }
            let fields: [String]?
            do { fields = try splitter.feed(line) } catch {
                return .failure(ImportError(line: number, message: "the line is not UTF-8 text"))
            }
            guard let fields else { return nil }
            guard let header else {
                self.header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                return nil
            }
            if fields.count == 1 && fields[0].isEmpty { return nil }
            guard fields.count == header.count else {
                return .failure(ImportError(line: recordStartLine, message: "has \(fields.count) columns but the header has \(header.count)"))
            }
            var object: [String: JSONValue] = [:]
            for (name, value) in zip(header, fields) where !value.isEmpty { object[name] = .string(value) }
            return validate(object, line: recordStartLine)
        }
    }

    /// An error for an unterminated quoted field at the end of the file.
    func finish(lineNumber: Int) -> ImportError? {
        splitter.isInsideQuotes ? ImportError(line: recordStartLine, message: "a quoted field is not closed before the end of the file") : nil
    }

    func validate(_ object: [String: JSONValue], line: Int) -> Result<Submission, ImportError> {
        let submission = Submission(standard: standard, purpose: purpose, values: object)
        do {
            try vault.validate(submission)
            return .success(submission)
        } catch let error as VaultError {
            return .failure(ImportError(line: line, message: error.description))
        } catch {
            return .failure(ImportError(line: line, message: "\(error)"))
        }
    }
}

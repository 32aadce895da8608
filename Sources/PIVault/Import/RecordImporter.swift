import Foundation
import PIVaultCore

/// Bulk-loads CSV or JSON Lines into the vault in batches, streaming, with
/// constant memory. Every row is validated like a single collection; bad rows
/// are reported by line and either skipped or make the whole import abort
/// before anything is written.
public struct RecordImporter: Sendable {
    /// What to do with a bad row.
    public enum OnError: String, Sendable, CaseIterable {
        /// Report it and go on.
        case skip
        /// Report every bad row and store nothing.
        case abort
    }

    /// Progress: rows read so far and bytes read of the file.
    public typealias Progress = @Sendable (_ rows: Int, _ bytesRead: Int64) -> Void

    let vault: Vault
    let standard: String
    let purpose: String
    let format: ImportFormat
    let onError: OnError
    let batchSize: Int

    /// Creates an importer.
    public init(vault: Vault, standard: String, purpose: String, format: ImportFormat, onError: OnError, batchSize: Int = 1000) {
        self.vault = vault
        self.standard = standard
        self.purpose = purpose
        self.format = format
        self.onError = onError
        self.batchSize = batchSize
    }

    /// Imports the file at `path`.
    public func run(path: String, progress: Progress? = nil) async throws -> ImportReport {
        var errors: [String] = []
        var rejected = 0
        func reject(_ error: ImportError) {
            rejected += 1
            if errors.count < 1000 { errors.append(error.description) }
        }
        if onError == .abort {
            try await forEachRow(path: path, progress: nil) { result in
                if case .failure(let error) = result { reject(error) }
            }
            if rejected > 0 { return ImportReport(imported: 0, rejected: rejected, errors: errors, aborted: true) }
        }
        var batch: [Submission] = []
        var created: [String] = []
        var imported = 0
        func write() async throws {
            guard !batch.isEmpty else { return }
            let receipts = try await vault.collect(batch: batch)
            imported += receipts.count
            if onError == .abort { created += receipts.map(\.subjectID) }
            batch.removeAll(keepingCapacity: true)
        }
        do {
            try await forEachRow(path: path, progress: progress) { result in
                switch result {
                case .success(let submission):
                    batch.append(submission)
                    if batch.count >= batchSize { try await write() }
                case .failure(let error):
                    reject(error)
                }
            }
            try await write()
        } catch {
            if onError == .abort {
                // Undo what earlier batches stored, so an aborted import leaves nothing behind.
                for subject in created { _ = try? await vault.erase(subject) }
            }
            throw error
        }
        return ImportReport(imported: imported, rejected: rejected, errors: errors, aborted: false)
    }

    /// Reads the file once, calling `body` with each row's submission or error.
    func forEachRow(path: String, progress: Progress?, _ body: (Result<Submission, ImportError>) async throws -> Void) async throws {
        var reader = try ByteLineReader(path: path)
        defer { reader.close() }
        var parser = RowParser(format: format, standard: standard, purpose: purpose, vault: vault)
        var lineNumber = 0
        var rows = 0
        while let line = try reader.nextLine() {
            lineNumber += 1
            guard let result = parser.parse(line, number: lineNumber) else { continue }
            rows += 1
            try await body(result)
            if rows % 5_000 == 0 { progress?(rows, reader.bytesRead) }
        }
        if let error = parser.finish(lineNumber: lineNumber) { try await body(.failure(error)) }
        progress?(rows, reader.bytesRead)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A budget ledger in one JSON file.
///
/// Each charge takes an exclusive `flock` on a sibling `.lock` file, reads the
/// ledger, appends the entry, writes a temporary file, fsyncs it and renames
/// it over the ledger. A crash leaves either the old or the new ledger, never
/// a torn one, and concurrent processes cannot both spend the last of a budget.
public struct PrivacyFileLedger: PrivacyBudgetLedger {
    /// The ledger file.
    public let path: String
    private let clock: @Sendable () -> Double

    /// Opens (or, on first charge, creates) a ledger file.
    public init(path: String, clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.path = path
        self.clock = clock
    }

    private struct Contents: Codable {
        var format = "pivault-privacy-ledger/1"
        var datasets: [String: PrivacyBudgetBalance] = [:]
    }

    /// Charges a query atomically; see ``PrivacyBudgetLedger/charge(_:)``.
    public func charge(_ charge: PrivacyBudgetCharge) async throws -> PrivacyBudgetBalance {
        try withLock {
            var contents = try read()
            var balance = contents.datasets[charge.dataset]
                ?? PrivacyBudgetBalance(dataset: charge.dataset, budget: charge.budget ?? .standard, entries: [])
            try balance.apply(charge, at: clock())
            contents.datasets[charge.dataset] = balance
            try write(contents)
            return balance
        }
    }

    /// The current balance of a dataset.
    public func balance(dataset: String) async throws -> PrivacyBudgetBalance? {
        try withLock { try read().datasets[dataset] }
    }

    private func withLock<T>(_ body: () throws -> T) throws -> T {
        let descriptor = open(path + ".lock", O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else {
            throw PrivacyError(.ledgerUnavailable, "cannot open the ledger lock \(path).lock; check that the directory exists and is writable")
        }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            throw PrivacyError(.ledgerUnavailable, "cannot lock the ledger \(path)")
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    private func read() throws -> Contents {
        guard FileManager.default.fileExists(atPath: path) else { return Contents() }
        guard let data = FileManager.default.contents(atPath: path),
              let contents = try? JSONDecoder().decode(Contents.self, from: data) else {
            throw PrivacyError(.ledgerUnavailable, "the ledger \(path) is unreadable or not a pivault ledger; restore it from backup — never delete it, that would reset every budget")
        }
        return contents
    }

    private func write(_ contents: Contents) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(contents)
        do {
            try AnonymityAtomicFile.write([UInt8](data), to: path)
        } catch {
            throw PrivacyError(.ledgerUnavailable, "cannot write the ledger \(path); the query was not charged and nothing was released")
        }
    }
}

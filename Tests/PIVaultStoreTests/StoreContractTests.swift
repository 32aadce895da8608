import Foundation
import Logging
import PIVaultStore
import SQLKit
import Testing

/// The store's contract, run on SQLite and, when PIVAULT_TEST_POSTGRES_URL is set, PostgreSQL.
@Suite("Store contract on every engine")
struct StoreContractTests {
    static let engines: [String] = {
        guard ProcessInfo.processInfo.environment["PIVAULT_TEST_POSTGRES_URL"] != nil else {
            print("note: PostgreSQL store suite skipped — set PIVAULT_TEST_POSTGRES_URL to run it")
            return ["sqlite"]
        }
        return ["sqlite", "postgres"]
    }()

    func open(_ engine: String) async throws -> VaultStore {
        let logger = Logger(label: "store-test")
        if engine == "postgres" {
            let url = ProcessInfo.processInfo.environment["PIVAULT_TEST_POSTGRES_URL"]!
            let name = "pivault_s_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await PostgresEngine.connect(url: url, logger: logger)
            try await admin.withDatabase { try await $0.raw("CREATE DATABASE \(ident: String(name))").run() }
            try await admin.close()
            var components = URLComponents(string: url)!
            components.path = "/" + name
            return try await VaultStore.open(try await PostgresEngine.connect(url: components.string!, logger: logger))
        }
        let path = NSTemporaryDirectory() + "pivault-store-\(UUID().uuidString).sqlite"
        return try await VaultStore.open(try await SQLiteEngine.open(path: path, logger: logger))
    }

    @Test("Migrations are idempotent; records, fields and indexes round-trip; a failed transaction leaves nothing", arguments: engines)
    func contract(engine: String) async throws {
        let store = try await open(engine)
        _ = try await VaultStore.open(store.engine)
        let now = Date(timeIntervalSince1970: 1_650_000_000)
        try await store.write { try await $0.insertSubject("sub_1", keyVersion: 1, wrappedKey: Data([1, 2, 3]), at: now) }
        let record = StoredRecord(subjectID: "sub_1", recordID: "rec_1", standard: "s", purpose: "p", collectedAt: now, retainUntil: now + 86_400,
                                  sealedFields: ["a": Data([0, 255, 7]), "b": Data([9])], blindIndexes: [(kind: "mobile", digest: "d1")])
        try await store.write { try await $0.insertRecords([record]) }
        let fields = try await store.read { try await $0.sealedFields(subjectID: "sub_1", standards: ["s"], fields: ["a"]) }
        #expect(fields.map(\.field) == ["a"] && fields[0].ciphertext == Data([0, 255, 7]) && fields[0].collectedAt == now)
        #expect(try await store.read { try await $0.subjects(withIndex: "mobile", digest: "d1") } == ["sub_1"])
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await store.write { session in
                try await session.insertSubject("sub_2", keyVersion: 1, wrappedKey: Data([1]), at: now)
                throw Boom()
            }
        }
        #expect(try await store.read { try await $0.subjectKey("sub_2") } == nil)
        try await store.write { try await $0.destroySubjectKey("sub_1", at: now) }
        #expect(try await store.write { try await $0.deleteSubjectData("sub_1") } == 1)
        let row = try await store.read { try await $0.subjectKey("sub_1") }
        #expect(row?.wrappedKey == nil && row?.erasedAt == now)
        #expect(try await store.read { try await $0.counts() } == (subjects: 1, erased: 1, records: 0))
        try await store.close()
    }

    @Test("An unreachable PostgreSQL or an unwritable SQLite path gives a clear error")
    func unavailable() async throws {
        await #expect { try await PostgresEngine.connect(url: "postgres://nobody@127.0.0.1:1/none", logger: Logger(label: "t")) } throws: { error in
            (error as? StoreError)?.code == .unavailable
        }
        await #expect { try await SQLiteEngine.open(path: "/nonexistent-folder/x/vault.sqlite", logger: Logger(label: "t")) } throws: { error in
            (error as? StoreError)?.code == .unavailable
        }
        #expect(throws: StoreError.self) { try PostgresURLCheck.check("mysql://x") }
    }
}

/// Checks URL parsing without connecting.
enum PostgresURLCheck {
    static func check(_ url: String) throws {
        if case .postgres = DatabaseLocation(parsing: url) { return }
        throw StoreError(.invalidURL, "not a PostgreSQL URL")
    }
}

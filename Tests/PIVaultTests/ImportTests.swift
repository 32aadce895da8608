import Foundation
import Testing
@testable import PIVault
import PIVaultCore
import PIVaultStore

@Suite("Bulk import of CSV and JSON Lines (PIPL Art. 6: every row validated)")
struct ImportTests {
    func write(_ text: String, in test: TestVault, name: String) throws -> String {
        let path = test.directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    let csv = """
        name,resident_id,mobile,address,health_declaration,travel_history
        张三,11010519491231002X,13800138000,"武汉市江汉区, 解放大道1号",无症状,武汉;北京
        李四,110105194912310021,13800138001,武汉,无症状,武汉
        王五,440524188001010014,13800138002,"多行
        地址",发热,上海
        赵六,440524188001010014,13800138003
        """

    @Test("skip: bad rows are reported by line and the good ones stored", arguments: TestEngine.available)
    func skip(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let path = try write(csv, in: test, name: "people.csv")
        let report = try await RecordImporter(vault: test.vault, standard: "epidemic-registration", purpose: "contact-tracing", format: .csv, onError: .skip).run(path: path)
        #expect(report.imported == 2)
        #expect(report.rejected == 2)
        #expect(report.errors.count == 2)
        #expect(report.errors[0].hasPrefix("line 3:") && report.errors[0].contains("ISO 7064"))
        #expect(report.errors[1].hasPrefix("line 6:") && report.errors[1].contains("columns"))
        #expect(!report.errors.joined().contains("110105194912310021"))
        #expect(try await test.vault.store.read { try await $0.counts() }.records == 2)
        let found = try await test.vault.findSubjects(by: .residentID, value: "440524188001010014")
        let record = try #require(try await test.read(found[0]).records.first)
        #expect(record.values["address"] == .string("多行\n地址"))
    }

    @Test("abort: any bad row stores nothing", arguments: TestEngine.available)
    func abort(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let path = try write(csv, in: test, name: "people.csv")
        let report = try await RecordImporter(vault: test.vault, standard: "epidemic-registration", purpose: "contact-tracing", format: .csv, onError: .abort, batchSize: 1).run(path: path)
        #expect(report.aborted && report.imported == 0 && report.rejected == 2)
        #expect(try await test.vault.store.read { try await $0.counts() }.subjects == 0)
    }

    @Test("JSON Lines import, with malformed lines reported", arguments: TestEngine.available)
    func jsonLines(engine: TestEngine) async throws {
        let test = try await TestVault.make(engine)
        defer { Task { await test.finish() } }
        let path = try write("""
            {"name":"张三","resident_id":"11010519491231002X","mobile":"13800138000","travel_history":["武汉"]}
            not json

            {"name":"李四","resident_id":"440524188001010014","mobile":"13800138001","secret":"x"}
            """, in: test, name: "people.jsonl")
        let report = try await RecordImporter(vault: test.vault, standard: "epidemic-registration", purpose: "contact-tracing", format: .jsonl, onError: .skip).run(path: path)
        #expect(report.imported == 1 && report.rejected == 2)
        #expect(report.errors[0].hasPrefix("line 2:"))
        #expect(report.errors[1].hasPrefix("line 4:") && report.errors[1].contains("'secret'"))
    }

    @Test("Non-UTF-8 CSV is refused with its line number")
    func notUTF8() async throws {
        let test = try await TestVault.make(.sqlite)
        defer { Task { await test.finish() } }
        let path = test.directory + "/bad.csv"
        var data = Data("name,resident_id,mobile\n".utf8)
        data += Data([0xC3, 0x28, 0x2C, 0x31, 0x0A])
        try data.write(to: URL(fileURLWithPath: path))
        let report = try await RecordImporter(vault: test.vault, standard: "epidemic-registration", purpose: "contact-tracing", format: .csv, onError: .skip).run(path: path)
        #expect(report.rejected == 1 && report.errors[0].contains("UTF-8"))
    }
}

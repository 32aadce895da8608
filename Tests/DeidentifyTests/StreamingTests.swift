import Foundation
import Testing
@testable import Deidentify

/// Streaming redaction: formats, bad input with line numbers, and atomic output (issue 6,
/// "partial outputs are never left behind as if complete").
@Suite struct StreamingTests {
    let dir: URL = {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("pii-stream-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }()

    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    func file(_ name: String, _ text: String) throws -> URL { try file(name, Array(text.utf8)) }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("partial") }
    }

    @Test("Text is redacted line by line and the output appears only when complete")
    func text() throws {
        let input = try file("in.txt", "患者王芳，手机13812345678\n无\n")
        let output = dir.appendingPathComponent("out.txt")
        let summary = try RedactionJob(redactor: PIIRedactor(operator: .tag), format: .text).run(input: input, output: output)
        #expect(try String(contentsOf: output, encoding: .utf8) == "患者<PERSON>，手机<CN_PHONE>\n无\n")
        #expect(summary.records == 2 && summary.spansByType[.mobile] == 1)
        #expect(!summary.outputIsPseudonymised)
        #expect(try leftovers().isEmpty)
    }

    @Test("CSV: chosen columns only, quoted fields with commas and newlines survive")
    func csv() throws {
        let input = try file("in.csv", "name,phone,note\n张伟,13812345678,\"a, \"\"b\"\"\n13912345678\"\n")
        let output = dir.appendingPathComponent("out.csv")
        _ = try RedactionJob(redactor: PIIRedactor(operator: .mask()), format: .csv, columns: ["phone", "note"]).run(input: input, output: output)
        #expect(try String(contentsOf: output, encoding: .utf8) == "name,phone,note\n张伟,138****5678,\"a, \"\"b\"\"\n139****5678\"\n")
    }

    @Test("Ragged CSV rows fail with the line number and leave no output")
    func ragged() throws {
        let input = try file("r.csv", "a,b\n1,2\n3\n")
        let output = dir.appendingPathComponent("r.out.csv")
        let error = try #require(throws: PIIError.self) {
            try RedactionJob(redactor: PIIRedactor(operator: .tag), format: .csv).run(input: input, output: output)
        }
        #expect(error.code == .raggedRow && error.line == 3)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try leftovers().isEmpty)
    }

    @Test("Unknown columns are named in the error")
    func unknownColumn() throws {
        let input = try file("u.csv", "a,b\n1,2\n")
        let error = try #require(throws: PIIError.self) {
            try RedactionJob(redactor: PIIRedactor(operator: .tag), format: .csv, columns: ["zzz"]).run(input: input, write: { _ in })
        }
        #expect(error.code == .unknownColumn && error.message.contains("zzz"))
    }

    @Test("Binary and non-UTF-8 input are refused with line numbers; messages hold no values")
    func badBytes() throws {
        let binary = try file("b.txt", Array("ok\n13812345678\u{0}\n".utf8))
        let e1 = try #require(throws: PIIError.self) { try RedactionJob(redactor: PIIRedactor(operator: .tag), format: .text).run(input: binary, write: { _ in }) }
        #expect(e1.code == .binaryInput && e1.line == 2 && !e1.description.contains("138"))
        let latin = try file("l.txt", [0x61, 0x0A, 0x62, 0xFF, 0xFE, 0x0A])
        let e2 = try #require(throws: PIIError.self) { try RedactionJob(redactor: PIIRedactor(operator: .tag), format: .text).run(input: latin, write: { _ in }) }
        #expect(e2.code == .invalidEncoding && e2.line == 2)
    }

    @Test("JSON Lines: the text key is redacted, other keys kept; invalid lines are numbered")
    func jsonl() throws {
        let input = try file("in.jsonl", "{\"id\":7,\"text\":\"电话13812345678\"}\n")
        var out = ""
        _ = try RedactionJob(redactor: PIIRedactor(operator: .tag), format: .jsonl).run(input: input, write: { out += $0 })
        #expect(out == "{\"id\":7,\"text\":\"电话<CN_PHONE>\"}\n")
        let bad = try file("bad.jsonl", "{\"text\":\"a\"}\nnot json\n")
        let e = try #require(throws: PIIError.self) { try RedactionJob(redactor: PIIRedactor(operator: .tag), format: .jsonl).run(input: bad, write: { _ in }) }
        #expect(e.line == 2)
    }

    @Test("scan --jsonl output: id copied, spans with code-point offsets")
    func scanJSONL() throws {
        let input = try file("s.jsonl", "{\"id\":\"a1\",\"text\":\"😀手机13812345678\"}\n")
        var out = ""
        try ScanJob().jsonl(input: input, write: { out += $0 })
        #expect(out == "{\"id\":\"a1\",\"spans\":[{\"confidence\":0.9,\"end\":14,\"start\":3,\"type\":\"CN_PHONE\"}]}\n")
    }

    @Test("Lines are read in small chunks with constant memory")
    func chunks() throws {
        let input = try file("c.txt", String(repeating: "电话13812345678\n", count: 500))
        var reader = try LineReader(url: input, chunkSize: 7)
        var n = 0
        while let line = try reader.next() { #expect(line == "电话13812345678"); n += 1 }
        #expect(n == 500)
    }
}

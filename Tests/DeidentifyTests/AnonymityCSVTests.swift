import Deidentify
import Foundation
import Testing

@Suite("Anonymity CSV reading and writing (RFC 4180)")
struct AnonymityCSVTests {
    @Test("RFC 4180 §2: quoted fields with commas, doubled quotes and line breaks")
    func quotedFields() throws {
        let records = try AnonymityTestSupport.records("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3")
        #expect(records == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
    }

    @Test("A UTF-8 byte-order mark is skipped and empty lines are ignored")
    func bomAndBlankLines() throws {
        let records = try AnonymityTestSupport.records("\u{FEFF}年龄,性别\n\n30,男\n")
        #expect(records == [["年龄", "性别"], ["30", "男"]])
    }

    @Test("A ragged row fails with its line number, counting lines inside quoted fields")
    func raggedRow() throws {
        let error = try #require(throws: AnonymityError.self) {
            try AnonymityTestSupport.table("a,b\n\"x\ny\",2\n3\n")
        }
        #expect(error.code == .raggedRow)
        #expect(error.line == 4)
    }

    @Test("Non-UTF-8 input (GB18030 bytes) fails with notUTF8 and the line")
    func notUTF8() throws {
        var bytes = Array("a,b\n1,".utf8)
        bytes += [0xD5, 0xC5] // 张 in GB18030
        bytes += Array("\n".utf8)
        let error = try #require(throws: AnonymityError.self) {
            try AnonymityTable.read(from: AnonymityCSVReader(bytes: bytes))
        }
        #expect(error.code == .notUTF8)
        #expect(error.line == 2)
        #expect(!error.message.contains("张"))
    }

    @Test("An unterminated quote and a bare quote are malformed CSV")
    func brokenQuotes() throws {
        #expect(throws: AnonymityError.self) { try AnonymityTestSupport.records("a\n\"open\n") }
        let error = try #require(throws: AnonymityError.self) { try AnonymityTestSupport.records("a\nx\"y\n") }
        #expect(error.code == .malformedCSV)
    }

    @Test("Chunk boundaries do not change the parse")
    func smallChunks() throws {
        let text = "a,b\n\"q,\"\"x\"\"\",2\r\n3,4\n"
        var bytes = Array(text.utf8)[...]
        let reader = AnonymityCSVReader {
            guard let first = bytes.first else { return [] }
            bytes = bytes.dropFirst()
            return [first]
        }
        var records: [[String]] = []
        while let record = try reader.nextRecord() { records.append(record) }
        #expect(records == [["a", "b"], ["q,\"x\"", "2"], ["3", "4"]])
    }

    @Test("The writer round-trips through the reader and only appears on commit")
    func writerRoundTrip() throws {
        let directory = try AnonymityTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.csv"
        let writer = try AnonymityCSVWriter(path: path)
        let rows = [["h1", "h2"], ["a,b", "c\"d"], ["line\nbreak", "北京"]]
        for row in rows { try writer.write(row) }
        #expect(!FileManager.default.fileExists(atPath: path))
        try writer.commit()
        let reader = try AnonymityCSVReader(path: path)
        var read: [[String]] = []
        while let record = try reader.nextRecord() { read.append(record) }
        #expect(read == rows)
    }

    @Test("An aborted writer leaves nothing behind")
    func abortedWriter() throws {
        let directory = try AnonymityTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try AnonymityCSVWriter(path: directory + "/out.csv")
        try writer.write(["x"])
        writer.abort()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}

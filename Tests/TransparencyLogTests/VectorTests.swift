import Foundation
import Testing
import TransparencyLog

@Suite("Shared vectors: ../shared/testdata/merkle and signed-note", .enabled(if: TestData.isPresent))
struct VectorTests {
    @Test("RFC 9162 §2.1.3.2: inclusion vectors, happy paths and corruptions, each as wantErr says",
          arguments: TestData.files(under: "merkle/inclusion"))
    func inclusion(file: String) throws {
        let report = try run(file)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.passed == 1)
    }

    @Test("RFC 9162 §2.1.4.2: consistency vectors, happy paths and corruptions, each as wantErr says",
          arguments: TestData.files(under: "merkle/consistency"))
    func consistency(file: String) throws {
        let report = try run(file)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.passed == 1)
    }

    @Test("C2SP signed-note: every case verifies (or fails) as its file says",
          arguments: TestData.files(under: "signed-note"))
    func signedNote(file: String) throws {
        let report = try run(file)
        #expect(report.failures.isEmpty, "\(report.failures)")
        #expect(report.passed >= 1)
    }

    @Test("The runner over the whole merkle and signed-note folders reports every vector passed")
    func wholeFolders() throws {
        let merkle = try LogConformanceRunner.run(directory: TestData.url("merkle").path)
        #expect(merkle.failed == 0, "\(merkle.failures)")
        #expect(merkle.passed == TestData.files(under: "merkle").count)
        #expect(merkle.summary == "\(merkle.passed) passed, 0 failed")
        let notes = try LogConformanceRunner.run(directory: TestData.url("signed-note").path)
        #expect(notes.failed == 0, "\(notes.failures)")
        #expect(notes.passed >= 1)
    }

    @Test("The runner reports a vector whose expectation is wrong, naming the file and vector")
    func reportsFailures() throws {
        let text = try String(contentsOf: TestData.url("merkle/inclusion/1/happy-path.json"), encoding: .utf8)
        var report = LogConformanceReport()
        LogConformanceRunner.run(json: Array(text.replacingOccurrences(of: "\"wantErr\": false", with: "\"wantErr\": true").utf8),
                              file: "flipped.json", into: &report)
        LogConformanceRunner.run(json: Array("{\"unrelated\": 1}".utf8), file: "other.json", into: &report)
        LogConformanceRunner.run(json: Array("not json".utf8), file: "broken.json", into: &report)
        #expect(report.failed == 1)
        #expect(report.failures.first?.description == "FAIL flipped.json [happy path]: expected an error, but it verified")
        #expect(report.unrecognizedFiles == ["other.json", "broken.json"])
        #expect(report.summary == "0 passed, 1 failed")
    }

    @Test("C2SP signed-note: the vector's signer key re-creates the vector's signature byte for byte (Ed25519 is deterministic)")
    func deterministicSignature() throws {
        let data = try Data(contentsOf: TestData.url("signed-note/note-vectors.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(object["cases"] as? [[String: Any]])
        for item in cases where item["valid"] as? Bool == true {
            let signer = try NoteSigner(try #require(item["skey"] as? String))
            let text = try #require(item["text"] as? String)
            #expect(signer.verifier.text == item["vkey"] as? String)
            #if os(Linux)
            // BoringSSL signs per RFC 8032 (deterministic); Apple's CryptoKit randomizes.
            #expect(try SignedNote(signing: text, with: [signer]).serialized == item["signedNote"] as? String)
            #endif
        }
    }

    private func run(_ file: String) throws -> LogConformanceReport {
        var report = LogConformanceReport()
        LogConformanceRunner.run(json: Array(try Data(contentsOf: TestData.url(file))), file: file, into: &report)
        return report
    }
}

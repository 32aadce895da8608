import Foundation
import PIVaultCore
import Testing
@testable import PIVaultServer

/// The collection and read bodies are read from the object the strict checks
/// parsed, not decoded a second time by Foundation; both ways must agree on
/// every body: the same values, or a problem of the same kind naming the same
/// member (the wording may be more precise: "an array of strings" where
/// Foundation only knows it expected an array).
@Suite("Request bodies read member by member agree with Foundation's decoder (RFC 8259, RFC 9457 field paths)")
struct JSONMembersTests {
    let json = StrictJSON(maxBodySize: 1 << 20, maxDepth: 32)

    enum Outcome<T: Equatable>: Equatable {
        case value(T)
        case problem(kind: String, field: String?, detail: String)

        /// The outcome without the problem's wording.
        var withoutDetail: Outcome {
            if case .problem(let kind, let field, _) = self { return .problem(kind: kind, field: field, detail: "") }
            return self
        }
    }

    func outcome<T: Equatable>(_ body: () throws -> T) -> Outcome<T> {
        do { return .value(try body()) } catch let problem as Problem {
            return .problem(kind: problem.kind, field: problem.field, detail: problem.detail)
        } catch {
            return .problem(kind: "unexpected \(error)", field: nil, detail: "")
        }
    }

    struct Collected: Equatable {
        var standard: String, purpose: String, subject: String?, values: [String: JSONValue], consentGiven: Bool?
        init(_ body: CollectBody) {
            (standard, purpose, subject, values, consentGiven) = (body.standard, body.purpose, body.subject, body.values, body.consentGiven)
        }
    }

    struct Read: Equatable {
        var purpose: String, fields: [String]?
        init(_ body: AccessBody) { (purpose, fields) = (body.purpose, body.fields) }
    }

    static let collectBodies = [
        #"{"standard":"epidemic-registration","purpose":"contact-tracing","values":{"name":"张三","resident_id":"11010519491231002X","travel_history":["武汉","北京"],"age":42,"vaccinated":true,"nested":{"a":[1,2.5,null]}}}"#,
        #"{"standard":"s","purpose":"p","subject":"sub_1","values":{},"consentGiven":false}"#,
        #"{"standard":"s","purpose":"p","values":{"escaped":"a\"b\\c\u00e9\n"}}"#,
        #"{"standard":1,"purpose":"p","values":{}}"#,
        #"{"standard":"s","purpose":["p"],"values":{}}"#,
        #"{"standard":"s","purpose":"p"}"#,
        #"{"purpose":"p","values":{}}"#,
        #"{"standard":"s","purpose":"p","values":[]}"#,
        #"{"standard":"s","purpose":"p","values":"x"}"#,
        #"{"standard":"s","purpose":"p","values":{},"subject":7}"#,
        #"{"standard":"s","purpose":"p","values":{},"consentGiven":"yes"}"#,
        #"{"standard":"s","purpose":"p","values":{},"consentGiven":1}"#,
    ]

    static let readBodies = [
        #"{"purpose":"contact-tracing"}"#,
        #"{"purpose":"contact-tracing","fields":["name","mobile"]}"#,
        #"{"purpose":"contact-tracing","fields":[]}"#,
        #"{"purpose":"contact-tracing","fields":"name"}"#,
        #"{"purpose":"contact-tracing","fields":["name",3]}"#,
        #"{"purpose":"contact-tracing","fields":[["name"]]}"#,
        #"{"fields":["name"]}"#,
        #"{"purpose":false}"#,
    ]

    /// Both ways of reading `body` as `T`, seen through `view`, without the problems' wording.
    func bothWays<T: StrictJSONObject, V: Equatable>(_ body: String, as type: T.Type, _ view: (T) -> V) -> (direct: Outcome<V>, foundation: Outcome<V>) {
        let data = Data(body.utf8)
        return (outcome { view(try json.decode(type, from: data)) }.withoutDetail,
                outcome { view(try json.decodeThroughFoundation(type, from: data)) }.withoutDetail)
    }

    @Test("Collection bodies: same values, or the same problem and member", arguments: collectBodies)
    func collect(body: String) {
        let ways = bothWays(body, as: CollectBody.self, Collected.init)
        #expect(ways.direct == ways.foundation)
    }

    @Test("Read bodies: same values, or the same problem and member", arguments: readBodies)
    func read(body: String) {
        let ways = bothWays(body, as: AccessBody.self, Read.init)
        #expect(ways.direct == ways.foundation)
    }

    @Test("A mistyped member or element is named with the type it must have; a missing member is required")
    func paths() {
        #expect(outcome { Read(try json.decode(AccessBody.self, from: Data(#"{"purpose":"p","fields":"name"}"#.utf8))) }
            == .problem(kind: "malformed-request", field: "fields", detail: "member 'fields' must be an array of strings"))
        #expect(outcome { Collected(try json.decode(CollectBody.self, from: Data(#"{"standard":"s","purpose":"p","values":{},"consentGiven":1}"#.utf8))) }
            == .problem(kind: "malformed-request", field: "consentGiven", detail: "member 'consentGiven' must be a boolean"))
        let data = Data(#"{"purpose":"contact-tracing","fields":["name",3]}"#.utf8)
        #expect(outcome { Read(try json.decode(AccessBody.self, from: data)) }
            == .problem(kind: "malformed-request", field: "fields[1]", detail: "member 'fields[1]' must be a string"))
        #expect(outcome { Read(try json.decode(AccessBody.self, from: Data(#"{"fields":[]}"#.utf8))) }
            == .problem(kind: "malformed-request", field: "purpose", detail: "member 'purpose' is required"))
    }
}

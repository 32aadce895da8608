import Foundation
import PIVault
import HTTPTypes
import PIVaultCore
@testable import PIVaultServer
import Testing

@Suite("Notices and de-identification over HTTP (PIPL Art. 17, 73)")
struct LawAndDeidentifyHTTPTests {
    @Test("Art. 17: GET /v1/notices/{purpose} serves the notice in both languages with one version; unknown purposes are 404")
    func notices_Art17() async throws {
        let server = try await TestServer.make(.sqlite)
        try await server.run { client in
            let zh = try await client.send(.get, "/v1/notices/contact-tracing", as: nil)
            #expect(zh.status == .ok)
            #expect((zh.json["text"] as? String)?.contains("告知书") == true)
            let en = try await client.send(.get, "/v1/notices/contact-tracing?lang=en", as: nil)
            #expect((en.json["text"] as? String)?.contains("[SENSITIVE]") == true)
            #expect(zh.json["version"] as? String == en.json["version"] as? String)
            #expect(try await client.send(.get, "/v1/notices/marketing", as: nil).status == .notFound)
            #expect(try await client.send(.get, "/v1/notices/contact-tracing?lang=fr", as: nil).status == .badRequest)
        }
    }

    @Test("Art. 73: POST /v1/deidentify/text masks what it finds and says the output is still personal information")
    func deidentify_Art73() async throws {
        let server = try await TestServer.make(.sqlite)
        try await server.run { client in
            let masked = try await client.send(.post, "/v1/deidentify/text", as: "support",
                                               json: #"{"text":"患者张三，身份证号11010519491231002X，电话13800138000。"}"#)
            #expect(masked.status == .ok)
            let text = try #require(masked.json["text"] as? String)
            #expect(!text.contains("11010519491231002X") && !text.contains("13800138000"))
            #expect(masked.json["personalInformation"] as? Bool == true)
            #expect(((masked.json["spans"] as? [[String: Any]])?.count ?? 0) >= 2)
            let tagged = try await client.send(.post, "/v1/deidentify/text", as: "support", json: #"{"text":"电话13800138000","operator":"tag"}"#)
            #expect((tagged.json["text"] as? String)?.contains("13800138000") == false)
            #expect(try await client.send(.post, "/v1/deidentify/text", as: "support", json: #"{"text":"x","operator":"encrypt"}"#).status == .badRequest)
            #expect(try await client.send(.post, "/v1/deidentify/text", as: nil, json: #"{"text":"x"}"#).status == .unauthorized)
        }
    }
}

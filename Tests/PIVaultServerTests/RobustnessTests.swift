import Foundation
import PIVault
import HTTPTypes
import PIVaultCore
@testable import PIVaultServer
import PIVaultStore
import Testing

@Suite("Malformed input, limits and rate limiting: 4xx problems, never 500, nothing stored")
struct RobustnessTests {
    static let collect = "/v1/records"

    @Test("RFC 8259 / RFC 9110 §15.5: malformed, mistyped, unknown-member, too-deep and oversized bodies are refused", arguments: TestEngine.available)
    func malformedBodiesAreRefused(engine: TestEngine) async throws {
        let server = try await TestServer.make(engine, server: ServerConfiguration(maxBodySize: 4096, rateLimit: .unlimited))
        try await server.run { client in
            let cases: [(String, String?, HTTPResponse.Status, String)] = [
                ("{", nil, .badRequest, "malformed-request"),
                ("", nil, .badRequest, "malformed-request"),
                ("[1,2]", nil, .badRequest, "malformed-request"),
                ("\"text\"", nil, .badRequest, "malformed-request"),
                (#"{"standard":1,"purpose":"contact-tracing","values":{}}"#, "standard", .badRequest, "malformed-request"),
                (#"{"standard":"epidemic-registration","purpose":"contact-tracing"}"#, "values", .badRequest, "malformed-request"),
                (#"{"standard":"epidemic-registration","purpose":"contact-tracing","values":{},"extra":true}"#, "extra", .badRequest, "unknown-field"),
                (#"{"standard":"epidemic-registration","purpose":"contact-tracing","values":{"name":"x","nickname":"y"}}"#, "nickname", .badRequest, "invalid-input"),
                ("{\"standard\":\"epidemic-registration\",\"purpose\":\"contact-tracing\",\"values\":{\"a\":" + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}}", nil, .badRequest, "malformed-request"),
                ("{\"standard\":\"epidemic-registration\",\"purpose\":\"contact-tracing\",\"values\":{\"name\":\"" + String(repeating: "x", count: 5000) + "\"}}", nil, .contentTooLarge, "body-too-large"),
                (#"{"standard":"nope","purpose":"contact-tracing","values":{}}"#, nil, .badRequest, "invalid-input"),
                (#"{"standard":"epidemic-registration","purpose":"contact-tracing","values":{},"subject":null}"#, "subject", .badRequest, "malformed-request"),
            ]
            for (body, field, status, kind) in cases {
                let reply = try await client.send(.post, Self.collect, as: "epidemiologist", json: body)
                #expect(reply.status == status, "\(body.prefix(60)) → \(reply.status.code) \(reply.text.prefix(200))")
                #expect(reply.problemType == "urn:pivault:problem:\(kind)", "\(body.prefix(60)) → \(reply.text.prefix(200))")
                #expect(reply.headers[.contentType] == "application/problem+json")
                if let field { #expect(reply.json["field"] as? String == field, "\(body.prefix(60))") }
                #expect(reply.json["status"] as? Int == Int(status.code))
                #expect(reply.json["requestId"] as? String != nil)
            }
            let wrongType = try await client.send(.post, Self.collect, as: "epidemiologist", json: "{}", headers: [.contentType: "text/plain"])
            #expect(wrongType.status == .unsupportedMediaType)
            let counts = try await server.vault.store.read { try await $0.counts() }
            #expect(counts.records == 0, "nothing was stored")
        }
    }

    @Test("Unknown routes are 404 problems; a known path with another method is 405 with Allow (RFC 9110 §15.5.6)")
    func unknownRoutesAndMethods() async throws {
        let server = try await TestServer.make(.sqlite)
        try await server.run { client in
            let missing = try await client.send(.get, "/v2/nothing")
            #expect(missing.status == .notFound)
            #expect(missing.problemType == "urn:pivault:problem:route-not-found")
            let method = try await client.send(.put, "/v1/records", as: "epidemiologist", json: "{}")
            #expect(method.status == .methodNotAllowed)
            #expect(method.headers[.allow] == "POST")
        }
    }

    @Test("RFC 6585 §4: each token has its own rate limit; the 429 says when to retry")
    func rateLimitPerToken() async throws {
        let server = try await TestServer.make(.sqlite, server: ServerConfiguration(rateLimit: .init(requestsPerSecond: 1, burst: 2)))
        try await server.run { client in
            #expect(try await client.send(.get, "/v1/me", as: "support").status == .ok)
            #expect(try await client.send(.get, "/v1/me", as: "support").status == .ok)
            let limited = try await client.send(.get, "/v1/me", as: "support")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "1")
            #expect(limited.problemType == "urn:pivault:problem:rate-limited")
            #expect(try await client.send(.get, "/v1/me", as: "epidemiologist").status == .ok, "another token has its own budget")
            server.monotonic.advance(by: 1.01)
            #expect(try await client.send(.get, "/v1/me", as: "support").status == .ok)
        }
    }

    @Test("Health, readiness and metrics answer without a token; metric labels are route templates")
    func operationsEndpoints() async throws {
        let server = try await TestServer.make(.sqlite)
        try await server.run { client in
            #expect(try await client.send(.get, "/healthz").status == .ok)
            let ready = try await client.send(.get, "/readyz")
            #expect(ready.status == .ok)
            #expect((ready.json["checks"] as? [String: String])?["database"] == "ok")
            let subject = try await client.collectPerson()
            // Twice for one label set: the second goes through the instruments kept from the first.
            _ = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "epidemiologist", json: #"{"purpose":"contact-tracing"}"#)
            _ = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "epidemiologist", json: #"{"purpose":"contact-tracing"}"#)
            _ = try await client.send(.post, "/v1/subjects/\(subject)/access", as: "support", json: #"{"purpose":"contact-tracing"}"#)
            let metrics = try await client.send(.get, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"pivault_http_requests_total{route="/v1/subjects/{subject}/access",method="POST",status="200"} 2"#))
            #expect(metrics.text.contains(#"pivault_http_requests_total{route="/v1/subjects/{subject}/access",method="POST",status="403"} 1"#))
            #expect(metrics.text.contains(#"pivault_http_requests_total{route="/v1/records",method="POST",status="201"} 1"#))
            #expect(metrics.text.contains(#"pivault_access_decisions_total{outcome="permit"} 2"#))
            #expect(metrics.text.contains("pivault_records_collected_total 1"))
            #expect(metrics.text.contains(#"pivault_http_request_duration_seconds_count{route="/v1/subjects/{subject}/access",method="POST"} 3"#))
            #expect(metrics.text.contains("pivault_http_request_duration_seconds_bucket"))
            #expect(!metrics.text.contains(subject), "no subject id in any label")
            let yaml = try await client.send(.get, "/openapi.yaml")
            #expect(yaml.text.hasPrefix("openapi: 3.1"))
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
@testable import PIVault
import PIVaultCore
import PIVaultCrypto
@testable import PIVaultServer
import PIVaultStore
import Synchronization

/// A vault on a fresh database (demo configuration, manual clock, a declared
/// emergency) with one API token per demo role, served by the real router.
struct TestServer {
    let vault: Vault
    let clock: ManualClock
    let logs: CapturedLogs
    let tokens: [String: String]
    let tokenIDs: [String: String]
    let dependencies: VaultServer.Dependencies
    let monotonic: MonotonicClock
    let directory: String
    let cleanUp: @Sendable () async -> Void

    static let start = ISODate.date(year: 2022, month: 4, day: 1)!

    static func make(_ engine: TestEngine, server: ServerConfiguration = ServerConfiguration(rateLimit: .unlimited),
                     emergency: Bool = true, assessed: Bool = true, keySource: KeySource? = nil, yaml: String = DemoConfiguration.yaml) async throws -> TestServer {
        let logs = CapturedLogs()
        let logger = logs.logger()
        let (location, directory, cleanUp) = try await engine.makeLocation(logger: logger)
        let clock = ManualClock(start)
        let configuration = try ConfigurationLoader.load(yaml: yaml)
        let engineHandle = try await location.open(logger: logger)
        let store = try await VaultStore.open(engineHandle)
        let keyring = try Keyring([MasterKey.generate(version: 1)])
        let vault = try await Vault.open(configuration: configuration, store: store, keyring: keyring, clock: clock, logger: logger)
        if assessed { try await vault.recordDemoAssessments() }
        if emergency {
            _ = try await vault.declareEmergency(name: "Outbreak", legalReference: "Notice 2022-1", purposes: ["contact-tracing"], region: nil, endsAt: nil)
            clock.advance(by: 60)
        }
        let apiTokens = APITokens(store: store, configuration: configuration, clock: clock)
        var tokens: [String: String] = [:]
        var ids: [String: String] = [:]
        for role in configuration.roles.keys {
            let issued = try await apiTokens.create(role: role, name: "test \(role)")
            tokens[role] = issued.secret.reveal()
            ids[role] = issued.row.id
        }
        let monotonic = MonotonicClock()
        let dependencies = VaultServer.Dependencies(
            vault: vault, configuration: server, keyRotation: KeyRotation(source: keySource), clock: clock,
            monotonicSeconds: { monotonic.seconds })
        return TestServer(vault: vault, clock: clock, logs: logs, tokens: tokens, tokenIDs: ids, dependencies: dependencies,
                          monotonic: monotonic, directory: directory, cleanUp: cleanUp)
    }

    /// Runs `body` against the real application; the vault is closed afterwards.
    func run<T: Sendable>(_ body: @Sendable (Client) async throws -> T) async throws -> T {
        let app = VaultServer.buildApplication(dependencies, logger: logs.logger(label: "server"))
        do {
            let value = try await app.test(.router) { client in try await body(Client(base: client, tokens: tokens)) }
            try? await vault.close()
            await cleanUp()
            return value
        } catch {
            // A failing test must still close the vault: an SQLite connection freed open aborts the whole run.
            try? await vault.close()
            await cleanUp()
            throw error
        }
    }

    /// A test client that speaks JSON and knows the role tokens.
    struct Client: Sendable {
        let base: any TestClientProtocol
        let tokens: [String: String]

        struct Reply: Sendable {
            var status: HTTPResponse.Status
            var headers: HTTPFields
            var text: String
            var json: [String: Any] {
                (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
            }
            var problemType: String? { json["type"] as? String }
        }

        /// Sends a request as `role` (nil: no Authorization header) with a JSON text body.
        func send(_ method: HTTPRequest.Method, _ path: String, as role: String? = nil, bearer: String? = nil,
                  json: String? = nil, headers extra: HTTPFields = [:]) async throws -> Reply {
            var headers = extra
            if let role { headers[.authorization] = "Bearer \(tokens[role]!)" }
            if let bearer { headers[.authorization] = bearer }
            if json != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
            let response = try await base.execute(uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
            return Reply(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }

        /// Sends an object encoded as JSON.
        func send(_ method: HTTPRequest.Method, _ path: String, as role: String?, object: [String: Any]) async throws -> Reply {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try await send(method, path, as: role, json: String(decoding: data, as: UTF8.self))
        }

        /// Collects the demo person for contact tracing and returns the subject id.
        func collectPerson(_ values: [String: Any] = TestServer.person) async throws -> String {
            let reply = try await send(.post, "/v1/records", as: "epidemiologist", object: [
                "standard": "epidemic-registration", "purpose": "contact-tracing", "values": values,
            ])
            guard reply.status == .created, let subject = reply.json["subject"] as? String else {
                throw VaultError(.invalidInput, "collect failed: \(reply.status.code) \(reply.text)")
            }
            return subject
        }
    }

    static var person: [String: Any] { [
        "name": "张三丰",
        "resident_id": "11010519491231002X",
        "mobile": "138 0013 8000",
        "address": "武汉市江汉区解放大道688号",
        "health_declaration": "发热咳嗽三天",
        "travel_history": ["武汉", "北京"],
    ] }

    /// Every personal value of `person`, as sent or normalised, for leak checks.
    static let personalValues = ["张三丰", "11010519491231002X", "13800138000", "138 0013 8000", "武汉市江汉区解放大道688号", "发热咳嗽三天"]
}

/// A monotonic clock the rate-limit tests move by hand.
final class MonotonicClock: Sendable {
    private let value = Mutex(1000.0)
    var seconds: Double { value.withLock { $0 } }
    func advance(by seconds: Double) { value.withLock { $0 += seconds } }
}

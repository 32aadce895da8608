import Foundation
import Logging
@testable import PIVault
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

/// A vault on a fresh database with the demo configuration and a manual clock.
struct TestVault {
    let vault: Vault
    let location: DatabaseLocation
    let directory: String
    let keyring: Keyring
    let clock: ManualClock
    let logs: CapturedLogs
    let cleanUp: @Sendable () async -> Void

    static let start = ISODate.date(year: 2022, month: 4, day: 1)!

    /// A vault on `engine`; `assessed` records an impact assessment for every purpose that needs one (PIPL Art. 55), as a deployment would before use.
    static func make(_ engine: TestEngine, emergency: Bool = true, assessed: Bool = true, yaml: String = DemoConfiguration.yaml) async throws -> TestVault {
        let logs = CapturedLogs()
        let logger = logs.logger()
        let (location, directory, cleanUp) = try await engine.makeLocation(logger: logger)
        let keyring = try Keyring([MasterKey.generate(version: 1)])
        let clock = ManualClock(start)
        let vault = try await openVault(location: location, keyring: keyring, clock: clock, logger: logger, yaml: yaml)
        if assessed { try await vault.recordDemoAssessments() }
        if emergency {
            _ = try await vault.declareEmergency(name: "Outbreak", legalReference: "Notice 2022-1", purposes: ["contact-tracing"], region: nil, endsAt: nil)
            clock.advance(by: 60)
        }
        return TestVault(vault: vault, location: location, directory: directory, keyring: keyring, clock: clock, logs: logs, cleanUp: cleanUp)
    }

    static func openVault(location: DatabaseLocation, keyring: Keyring, clock: ManualClock, logger: Logger, yaml: String = DemoConfiguration.yaml) async throws -> Vault {
        let configuration = try ConfigurationLoader.load(yaml: yaml)
        let engine = try await location.open(logger: logger)
        do {
            return try await Vault.open(configuration: configuration, engine: engine, keyring: keyring, clock: clock, logger: logger)
        } catch {
            try? await engine.close()
            throw error
        }
    }

    func finish() async {
        try? await vault.close()
        await cleanUp()
    }

    static let person: [String: JSONValue] = [
        "name": .string("张三丰"),
        "resident_id": .string("11010519491231002X"),
        "mobile": .string("138 0013 8000"),
        "address": .string("武汉市江汉区解放大道688号"),
        "health_declaration": .string("发热咳嗽三天"),
        "travel_history": .array([.string("武汉"), .string("北京")]),
    ]

    /// Every personal value of `person`, as stored or as normalised, for leak checks.
    static let personalValues = ["张三丰", "11010519491231002X", "13800138000", "武汉市江汉区解放大道688号", "发热咳嗽三天"]

    func collectPerson(_ values: [String: JSONValue] = TestVault.person) async throws -> CollectionReceipt {
        try await vault.collect(Submission(standard: "epidemic-registration", purpose: "contact-tracing", values: values))
    }

    func read(_ subject: String, purpose: String = "contact-tracing", role: String = "epidemiologist", fields: [String]? = nil) async throws -> AccessResult {
        try await vault.read(AccessRequest(actor: Actor(id: "staff-7", role: role), subjectID: subject, purpose: purpose, fields: fields))
    }
}

import Foundation
import Testing
@testable import PIVault
import PIVaultCore

@Suite("Configuration check: every problem with its line and column")
struct ConfigurationTests {
    @Test("The demo configuration is valid and models the pandemic-era purposes")
    func demo() throws {
        let configuration = try ConfigurationLoader.load(yaml: DemoConfiguration.yaml)
        #expect(configuration.purposes["contact-tracing"]?.basis == .publicHealthEmergency)
        #expect(configuration.purposes["vaccination-record"]?.basis == .statutoryDuty)
        #expect(configuration.purposes["service-newsletter"]?.basis == .consent)
        #expect(Set(configuration.roles.keys) == ["epidemiologist", "clinic-staff", "support", "admin"])
        #expect(configuration.standards["epidemic-registration"]?.fields.count == 8)
        #expect(configuration.taxonomy.isSensitive("vaccination"))
    }

    @Test("Unknown category, unknown field, sensitive data on a weak basis, duplicates, missing retention — all reported with positions")
    func problems() {
        let yaml = """
            version: 1
            handler: { name: H, contact: c }
            standards:
              - id: s
                fields:
                  - { name: a, type: text, category: basic }
                  - { name: h, type: text, category: health }
                  - { name: z, type: text, category: astrology }
              - id: s
                fields: []
            purposes:
              - id: p
                basis: contract
                standards: [s]
                fields: [a, h, nope]
                retention: 30d
              - id: q
                basis: consent
                standards: [s]
                fields: [a]
            roles:
              - { id: r, purposes: [p, ghost] }
            """
        let (_, problems) = ConfigurationLoader.check(yaml: yaml)
        func find(_ text: String) -> ConfigurationProblem? { problems.first { $0.message.contains(text) } }
        #expect(find("unknown data category 'astrology'")?.line == 8)
        #expect(find("duplicate standard id 's'")?.line == 9)
        #expect(find("names field 'nope'")?.line == 15)
        #expect(find("names field 'nope'")?.column == 20)
        #expect(find("does not cover sensitive")?.message.contains("PIPL Art. 28") == true)
        #expect(find("has no 'retention'")?.line == 17)
        #expect(find("unknown purpose 'ghost'")?.line == 22)
        #expect(problems.count >= 7)
    }

    @Test("YAML syntax errors and unknown keys carry their position")
    func syntax() {
        let (_, syntax) = ConfigurationLoader.check(yaml: "handler: [unclosed\n")
        #expect(syntax.count == 1 && syntax[0].message.hasPrefix("YAML syntax"))
        let (_, keys) = ConfigurationLoader.check(yaml: "version: 1\nhandler: { name: H, contact: c }\nstandardz: []\n")
        #expect(keys.contains { $0.line == 3 && $0.message.contains("unknown key 'standardz'") })
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(yaml: "version: 1\n") }
    }
}

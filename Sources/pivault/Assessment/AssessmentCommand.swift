import ArgumentParser
import Foundation
import PIVault
import PIVaultStore

/// `pivault assessment add|list|status|export`: personal-information
/// protection impact assessments (PIPL Art. 55–56).
struct AssessmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment",
        abstract: "Record, list and export impact assessments; purposes that need one refuse every use until it is recorded (PIPL Art. 55–56).",
        subcommands: [Add.self, List.self, Status.self, Export.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record an assessment of a purpose's current definition.")
        @OptionGroup var options: VaultOptions
        @Option(help: "The purpose assessed.") var purpose: String
        @Option(help: "What is processed, and how (Art. 56(1)).") var processing: String
        @Option(help: "The risks to people's rights and interests (Art. 56(2)).") var risks: String
        @Option(help: "The protective measures (Art. 56(3)).") var measures: String
        @Option(help: "acceptable, acceptable-with-measures or not-acceptable.") var conclusion: String
        @Option(help: "Who assessed.") var assessor: String
        @Option(help: "The day of the assessment (ISO 8601 date; default today).") var date: String?

        func run() async throws {
            try await runReporting {
                guard let parsed = AssessmentConclusion(rawValue: conclusion) else {
                    throw ValidationError("--conclusion must be one of \(AssessmentConclusion.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let draft = AssessmentDraft(purpose: purpose, processing: processing, risks: risks, measures: measures, conclusion: parsed, assessor: assessor, assessedOn: date)
                let row = try await options.withVault { try await $0.recordAssessment(draft, by: "cli") }
                print("\(row.id)  purpose \(row.purpose)  \(row.conclusion.rawValue)  covers definition \(row.definitionVersion.prefix(12))  kept until \(ISO8601DateFormatter().string(from: row.keepUntil))")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List recorded assessments, oldest first.")
        @OptionGroup var options: VaultOptions
        @Option(help: "Only this purpose's.") var purpose: String?

        func run() async throws {
            try await runReporting {
                let rows = try await options.withVault { try await $0.assessments(purpose: purpose) }
                if rows.isEmpty { print("no impact assessments recorded") }
                for row in rows {
                    print("\(row.id)  \(row.assessedOn)  \(row.purpose)  \(row.conclusion.rawValue)  by \(row.assessor)  definition \(row.definitionVersion.prefix(12))")
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Which purposes need an assessment, and whether each is active.")
        @OptionGroup var options: VaultOptions

        func run() async throws {
            try await runReporting {
                let statuses = try await options.withVault { try await $0.assessmentStatus() }
                for status in statuses {
                    let state = status.grounds.isEmpty ? "active (no assessment needed)"
                        : status.active ? "active (assessment \(status.current ?? ""))"
                        : status.current == nil ? "NOT ACTIVE: no assessment of its current definition" : "NOT ACTIVE: the current assessment concludes not-acceptable"
                    print("\(status.purpose): \(state)")
                    for ground in status.grounds { print("    needs one: \(ground)") }
                }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every assessment and each purpose's status as a JSON document signed by the vault.")
        @OptionGroup var options: VaultOptions
        @Option(help: "Write to this file instead of standard output.") var out: String?

        func run() async throws {
            try await runReporting {
                let document = try await options.withVault { try await $0.exportAssessments() }
                if let out {
                    try Data(document.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                    print("wrote \(out); verify with `pivault receipt verify \(out) --public-key KEY`")
                } else {
                    print(document)
                }
            }
        }
    }
}

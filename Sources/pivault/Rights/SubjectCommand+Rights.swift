import ArgumentParser
import Foundation
import PIVault

extension SubjectCommand {
    /// `pivault subject token ID`: a token the subject uses for their own requests.
    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a subject token (shown once, stored hashed) that reaches only this subject's own data and requests; earlier tokens are revoked.")
        @OptionGroup var options: VaultOptions
        @Argument(help: "The subject's pseudonymous id.") var subject: String
        @Option(help: "Hours the token stays valid.") var validHours: Int = 168

        func run() async throws {
            guard validHours > 0 else { throw ValidationError("--valid-hours must be positive") }
            try await runReporting {
                let token = try await options.withVault { try await $0.issueSubjectToken(subjectID: subject, validFor: Double(validHours) * 3600) }
                CLI.warn("token for \(token.subjectID), valid until \(token.expiresAt); it is shown only now")
                print(token.token)
            }
        }
    }

    /// `pivault subject deceased ID --reference REF`: opens the subject's data to close relatives (PIPL Art. 49).
    struct Deceased: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a subject has died, so close relatives may file requests (PIPL Art. 49).")
        @OptionGroup var options: VaultOptions
        @Argument(help: "The subject's pseudonymous id.") var subject: String
        @Option(help: "Reference to the proof of death (a document number, not a personal value).") var reference: String
        @Flag(help: "The subject excluded relatives' rights while alive.") var relativesExcluded = false

        func run() async throws {
            try await runReporting {
                try await options.withVault { try await $0.recordDeath(subjectID: subject, reference: reference, relativesExcluded: relativesExcluded) }
                CLI.warn("recorded")
            }
        }
    }
}

import PIVaultCore
import ArgumentParser
import Foundation
import PIVault

/// `pivault subject add|find|erase`.
struct SubjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject",
        abstract: "Create, find and erase data subjects.",
        subcommands: [Add.self, Find.self, Erase.self, Token.self, Deceased.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a subject with its own data key; prints its pseudonymous id.")
        @OptionGroup var options: VaultOptions

        func run() async throws {
            try await runReporting {
                let id = try await options.withVault { try await $0.addSubject() }
                print(id)
            }
        }
    }

    struct Find: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Find subjects by an exact value through the blind index; nothing is decrypted.")
        @OptionGroup var options: VaultOptions
        @Option(help: "Resident ID number.") var residentId: String?
        @Option(help: "Mobile number.") var mobile: String?
        @Option(help: "E-mail address.") var email: String?

        func validate() throws {
            if [residentId, mobile, email].compactMap({ $0 }).count != 1 {
                throw ValidationError("give exactly one of --resident-id, --mobile or --email")
            }
        }

        func run() async throws {
            try await runReporting {
                let (kind, value): (Vault.LookupKind, String) =
                    if let residentId { (.residentID, residentId) } else if let mobile { (.mobile, mobile) } else { (.email, email!) }
                let subjects = try await options.withVault { try await $0.findSubjects(by: kind, value: value) }
                if subjects.isEmpty {
                    CLI.warn("no subject found")
                    throw ExitCode(1)
                }
                subjects.forEach { print($0) }
            }
        }
    }

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Erase a subject: destroy its data key first (crypto-shredding), then its rows (PIPL Art. 47).")
        @OptionGroup var options: VaultOptions
        @Argument(help: "The subject's pseudonymous id.") var subject: String

        func run() async throws {
            try await runReporting {
                let receipt = try await options.withVault { try await $0.erase(subject) }
                try CLI.printJSON(receipt)
            }
        }
    }
}

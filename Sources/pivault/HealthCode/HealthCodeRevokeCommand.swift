import ArgumentParser
import Foundation
import HealthCode
import PIVault

/// `pivault healthcode revoke CODE_ID`.
struct HealthCodeRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke an issued health code; publish the list with `healthcode revocations`.")

    @OptionGroup var options: VaultOptions
    @Argument(help: "The code id printed by `healthcode issue`.") var codeID: String

    func run() async throws {
        try await runReporting {
            try await options.withVault { try await $0.revokeHealthCode(codeID) }
            print("revoked: \(codeID.lowercased())")
        }
    }
}

/// `pivault healthcode revocations --out FILE`.
struct HealthCodeRevocationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revocations",
        abstract: "Publish the revocation list: hashes of revoked codes' ids (and erased subjects' codes), nothing else.")

    @OptionGroup var options: VaultOptions
    @Option(help: "File to write; verifiers read it with `healthcode verify --revocations FILE`.") var out: String

    func run() async throws {
        try await runReporting {
            let list = try await options.withVault { try await $0.healthCodeRevocationList() }
            try HealthCodeCLI.writeText(list.textEncoded(), to: out)
            print("revocation list: \(out) (\(list.hashes.count) entr\(list.hashes.count == 1 ? "y" : "ies"))")
        }
    }
}

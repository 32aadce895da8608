import PIVaultCore
import ArgumentParser
import Foundation
import PIVault
import PIVaultCrypto

/// `pivault keys rotate|retire|status`.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Rotate and retire master-key versions.",
        subcommands: [Rotate.self, Retire.self, Status.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a master-key version and re-wrap every subject's data key under it; data is not re-encrypted.",
            discussion: "With a key file, a new version is generated and written to it first. With PIVAULT_MASTER_KEY, add the new version as 'N:BASE64' to the variable and pass --to N.")
        @OptionGroup var options: VaultOptions
        @Option(help: "Rotate to this version, already supplied in PIVAULT_MASTER_KEY.") var to: Int?
        @Flag(help: "Finish an interrupted rotation: re-wrap keys not yet under the active version.") var resume = false

        func run() async throws {
            try await runReporting {
                let launcher = options.launcher
                let source = launcher.keySource
                if resume {
                    let count = try await options.withVault { try await $0.rewrapAll(to: $0.keyring) }
                    print("re-wrapped \(count) subject key(s)")
                    return
                }
                if let to {
                    let report = try await options.withVault { vault -> RotationReport in
                        guard let key = vault.keyring.keys[to] else {
                            throw ValidationError("master key version \(to) is not in PIVAULT_MASTER_KEY; add it as '\(to):BASE64'")
                        }
                        return try await vault.rotateSuppliedKey(key)
                    }
                    try CLI.printJSON(report)
                    return
                }
                guard let file = source.writableFile else {
                    throw ValidationError("keys come from PIVAULT_MASTER_KEY: add the new version as 'N:BASE64' and run `pivault keys rotate --to N`")
                }
                let report = try await options.withVault { vault -> RotationReport in
                    let known = (try await vault.status()).keyVersions.map(\.version).max() ?? vault.keyring.activeVersion
                    let newKey = MasterKey.generate(version: max(known, vault.keyring.activeVersion) + 1)
                    // Write the key file first: a crash mid-rotation must never leave data keys wrapped under a key that is nowhere.
                    try file.write(Array(vault.keyring.keys.values) + [newKey])
                    return try await vault.rotate(to: newKey)
                }
                try CLI.printJSON(report)
            }
        }
    }

    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Retire a master-key version that no longer wraps any key.")
        @OptionGroup var options: VaultOptions
        @Option(help: "Version to retire.") var version: Int

        func run() async throws {
            try await runReporting {
                let source = options.launcher.keySource
                try await options.withVault { vault in
                    try await vault.retire(version: version)
                    if let file = source.writableFile, file.exists {
                        try file.write(try file.read().filter { $0.version != version })
                    }
                }
                print("retired master key version \(version)")
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show master-key versions and how many keys each wraps.")
        @OptionGroup var options: VaultOptions

        func run() async throws {
            try await runReporting {
                let status = try await options.withVault { try await $0.status() }
                try CLI.printJSON(status.keyVersions)
            }
        }
    }
}

import ArgumentParser
import Foundation
import PIVault
import PIVaultCore
import PIVaultServer
import PIVaultStore

/// `pivault token create|list|revoke`: API tokens for `pivault serve`.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke API tokens for `pivault serve`.",
        discussion: "A token is 256 random bits, shown once at creation; the vault keeps only its SHA-256 hash. It acts in one role of the configuration and may use only the purposes that role is granted.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a token for a role and print it once.")
        @OptionGroup var options: VaultOptions
        @Option(help: "The configuration role the token acts in.") var role: String
        @Option(help: "Who or what uses the token (default: the role).") var name: String?
        @Option(help: "When it stops working: a duration (90d, 12h, 30m) or an RFC 3339 date-time.") var expires: String?

        func run() async throws {
            try await runReporting {
                let expiry = try expires.map { try TokenCommand.parseExpiry($0, now: Date()) }
                let issued = try await options.withVault { vault in
                    try await APITokens(store: vault.store, configuration: vault.configuration).create(role: role, name: name ?? role, expiresAt: expiry)
                }
                print(issued.secret.reveal())
                var note = "token \(issued.row.id) for role '\(issued.row.role)'"
                if let expiresAt = issued.row.expiresAt { note += ", expires \(ISO8601DateFormatter().string(from: expiresAt))" }
                CLI.warn(note + ". It is shown only this once; the vault keeps only its hash.")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens: id, name, role, state; never the secrets.")
        @OptionGroup var options: VaultOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await runReporting {
                let rows = try await options.withVault { vault in
                    try await APITokens(store: vault.store, configuration: vault.configuration).list()
                }
                let now = Date()
                let views = rows.map { TokenView($0, now: now) }
                if json {
                    try CLI.printJSON(views)
                    return
                }
                if views.isEmpty { print("no tokens; `pivault serve` creates an admin token on first start"); return }
                for view in views {
                    print([view.id, view.state, view.role, view.name, "created " + view.createdAt, view.expiresAt.map { "expires " + $0 } ?? ""].joined(separator: "\t"))
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by id; running servers stop accepting it within a second.")
        @OptionGroup var options: VaultOptions
        @Argument(help: "The token id (tok_…), from `pivault token list`.") var id: String

        func run() async throws {
            try await runReporting {
                try await options.withVault { vault in
                    try await APITokens(store: vault.store, configuration: vault.configuration).revoke(id: id)
                }
                print("revoked \(id)")
            }
        }
    }

    struct TokenView: Encodable {
        var id: String
        var name: String
        var role: String
        var state: String
        var createdAt: String
        var expiresAt: String?
        var revokedAt: String?

        init(_ row: TokenRow, now: Date) {
            let format = ISO8601DateFormatter()
            id = row.id
            name = row.name
            role = row.role
            state = row.revokedAt != nil ? "revoked" : (row.isLive(at: now) ? "live" : "expired")
            createdAt = format.string(from: row.createdAt)
            expiresAt = row.expiresAt.map(format.string(from:))
            revokedAt = row.revokedAt.map(format.string(from:))
        }
    }

    static func parseExpiry(_ text: String, now: Date) throws -> Date {
        if let date = ISO8601DateFormatter().date(from: text) { return date }
        let units: [Character: Double] = ["d": 86_400, "h": 3_600, "m": 60, "s": 1]
        if let unit = text.last, let seconds = units[unit], let count = Double(text.dropLast()), count > 0 {
            return now.addingTimeInterval(count * seconds)
        }
        throw ValidationError("--expires must be a duration such as 90d, 12h or 30m, or an RFC 3339 date-time such as 2027-01-01T00:00:00Z")
    }
}

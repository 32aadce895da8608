import ArgumentParser
import Foundation
import PIVault
import PIVaultCore
import PIVaultStore

/// `pivault anomaly alerts|suspensions|lift` (PIPL Art. 51, 57).
struct AnomalyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomaly",
        abstract: "List anomaly alerts and suspended actors, and lift a suspension (PIPL Art. 51, 57).",
        subcommands: [Alerts.self, Suspensions.self, Lift.self])

    struct Alerts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List alerts raised, most recent first.")
        @OptionGroup var options: VaultOptions
        @Option(help: "At most this many.") var limit: Int = 100

        func run() async throws {
            try await runReporting {
                for alert in try await options.withVault({ try await $0.anomalyAlerts(limit: limit) }) {
                    print("\(alert.id)\t\(ISODate.formatDateTime(alert.raisedAt))\t\(alert.ruleID)\t\(alert.kind)\t\(alert.actor)\t\(alert.observed)>\(alert.baseline)\t\(alert.suspended ? "suspended" : "-")")
                }
            }
        }
    }

    struct Suspensions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List actors suspended now.")
        @OptionGroup var options: VaultOptions

        func run() async throws {
            try await runReporting {
                for row in try await options.withVault({ try await $0.suspensions() }) {
                    print("\(row.actor)\t\(ISODate.formatDateTime(row.suspendedAt))\t\(row.ruleID)\t\(row.reason)")
                }
            }
        }
    }

    struct Lift: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift an actor's suspension after review.")
        @OptionGroup var options: VaultOptions
        @Argument(help: "The suspended actor (a token id).") var actor: String
        @Option(help: "Who lifts it (an administrator's id).") var by: String = "cli"

        func run() async throws {
            try await runReporting {
                try await options.withVault { try await $0.liftSuspension(actor: actor, by: by) }
                print("lifted \(actor)")
            }
        }
    }
}

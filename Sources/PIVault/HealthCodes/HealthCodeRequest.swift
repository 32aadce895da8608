import Foundation
import HealthCode
import PIVaultCore

/// A request to issue a health code for a subject, as an actor in a role,
/// for a purpose — checked by the policy like any read.
public struct HealthCodeRequest: Sendable, Hashable {
    /// Who issues.
    public var actor: Actor
    /// The subject's pseudonymous id.
    public var subjectID: String
    /// The purpose the code is issued for.
    public var purpose: String
    /// The status to certify.
    public var status: HealthStatus
    /// How long the code is valid, in seconds.
    public var validFor: Int64

    /// The default validity: one day.
    public static let defaultValidity: Int64 = 86_400
    /// The longest validity accepted: thirty days (a status is a snapshot).
    public static let maximumValidity: Int64 = 30 * 86_400

    /// Creates a request.
    public init(actor: Actor, subjectID: String, purpose: String, status: HealthStatus, validFor: Int64 = HealthCodeRequest.defaultValidity) {
        self.actor = actor
        self.subjectID = subjectID
        self.purpose = purpose
        self.status = status
        self.validFor = validFor
    }

    /// Reads a status name (`green`, `yellow`, `red`, any case).
    ///
    /// - Throws: `invalidInput` naming the allowed values.
    public static func status(parsing text: String) throws -> HealthStatus {
        guard let status = HealthStatus(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw VaultError(.invalidInput, "the status must be one of green, yellow or red", fieldPath: "status")
        }
        return status
    }

    /// Reads a duration such as `24h`, `30m`, `7d`, `90s` or `1d12h`.
    ///
    /// - Throws: `invalidInput` for anything else, for zero, and for more
    ///   than ``maximumValidity``.
    public static func duration(parsing text: String) throws -> Int64 {
        let problem = VaultError(.invalidInput, "the validity must be a positive duration such as 24h, 30m, 7d or 1d12h (units s, m, h, d), at most 30d", fieldPath: "valid_for")
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        var total: Int64 = 0
        var digits = ""
        var sawUnit = false
        for character in text.trimmingCharacters(in: .whitespaces).lowercased() {
            if character.isASCII, character.isNumber {
                digits.append(character)
                guard digits.count <= 7 else { throw problem }
            } else if let unit = units[character], let value = Int64(digits) {
                total += value * unit
                digits = ""
                sawUnit = true
            } else {
                throw problem
            }
        }
        guard digits.isEmpty, sawUnit, total > 0, total <= maximumValidity else { throw problem }
        return total
    }
}

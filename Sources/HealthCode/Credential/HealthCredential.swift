/// pivault's own health-code payload: status and validity, no identity.
///
/// It travels inside the DCC envelope as `hcert[1]` so the EU pipeline and
/// tools apply unchanged. It holds exactly the fields below; decoding refuses
/// any other field, so a name, ID number or birth date can never ride along
/// (PIPL Art. 6 and Art. 28: minimal, and no sensitive identifiers).
public struct HealthCredential: Sendable, Hashable {
    /// Field names in the payload map.
    public enum Field {
        /// Payload format version.
        public static let version = "ver"
        /// The random code id.
        public static let codeID = "cid"
        /// The status.
        public static let status = "st"
        /// Start of validity, seconds since the epoch.
        public static let validFrom = "vf"
        /// End of validity, seconds since the epoch.
        public static let validUntil = "vu"
        /// The issuing authority.
        public static let issuer = "is"
        /// Every allowed field.
        public static let all: Set<String> = [version, codeID, status, validFrom, validUntil, issuer]
    }

    /// The payload format version written by this library.
    public static let currentVersion = "pv1"

    /// The random code id.
    public var codeID: HealthCodeID
    /// The status.
    public var status: HealthStatus
    /// Start of validity, seconds since the epoch.
    public var validFrom: Int64
    /// End of validity, seconds since the epoch.
    public var validUntil: Int64
    /// The issuing authority (an organisation, never a person).
    public var issuer: String

    /// Creates a credential.
    public init(codeID: HealthCodeID, status: HealthStatus, validFrom: Int64, validUntil: Int64, issuer: String) {
        self.codeID = codeID
        self.status = status
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.issuer = issuer
    }

    /// The payload map.
    public var cbor: CBOR {
        .map(pairs: [
            (.text(Field.version), .text(Self.currentVersion)),
            (.text(Field.codeID), .text(codeID.rawValue)),
            (.text(Field.status), .text(status.rawValue)),
            (.text(Field.validFrom), .int(validFrom)),
            (.text(Field.validUntil), .int(validUntil)),
            (.text(Field.issuer), .text(issuer)),
        ])
    }

    /// The CWT claims that carry this credential.
    public var claims: CWTClaims {
        CWTClaims(issuer: issuer, issuedAt: validFrom, expiresAt: validUntil, healthCertificate: cbor)
    }

    /// Reads a credential from a payload map.
    ///
    /// - Throws: `malformedPayload` for a missing, mistyped or unexpected field.
    public init(_ payload: CBOR) throws {
        guard let entries = payload.mapEntries else {
            throw HealthCodeError(.malformedPayload, "health-code payload must be a map")
        }
        for entry in entries {
            guard let name = entry.key.text, Field.all.contains(name) else {
                throw HealthCodeError(.malformedPayload, "health-code payload has an unexpected field; only \(Field.all.sorted().joined(separator: ", ")) are allowed")
            }
        }
        guard payload[text: Field.version]?.text == Self.currentVersion else {
            throw HealthCodeError(.malformedPayload, "payload field \(Field.version) is not \(Self.currentVersion); this is not a pivault health code")
        }
        guard let idText = payload[text: Field.codeID]?.text, let id = HealthCodeID(idText) else {
            throw HealthCodeError(.malformedPayload, "payload field \(Field.codeID) must be 32 hex characters")
        }
        guard let statusText = payload[text: Field.status]?.text, let status = HealthStatus(rawValue: statusText) else {
            throw HealthCodeError(.malformedPayload, "payload field \(Field.status) must be green, yellow or red")
        }
        guard let from = payload[text: Field.validFrom]?.int64, let until = payload[text: Field.validUntil]?.int64, from <= until else {
            throw HealthCodeError(.malformedPayload, "payload fields \(Field.validFrom)/\(Field.validUntil) must be integers with \(Field.validFrom) ≤ \(Field.validUntil)")
        }
        guard let issuer = payload[text: Field.issuer]?.text else {
            throw HealthCodeError(.malformedPayload, "payload field \(Field.issuer) must be a text string")
        }
        self.init(codeID: id, status: status, validFrom: from, validUntil: until, issuer: issuer)
    }
}

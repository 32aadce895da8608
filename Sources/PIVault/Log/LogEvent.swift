import Foundation
import PIVaultCore

/// One event in the vault's transparency log — what a leaf commits to.
///
/// It names who did what, when, for which purpose, to which fields, with
/// which decision, and commits to the subject with a keyed hash; it holds no
/// personal value, so the log can be published without linking people.
public struct LogEvent: Sendable, Hashable, Codable {
    /// What happened.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The stable name written into the leaf.
        public var rawValue: String
        /// Wraps a stored name (events written by later versions stay readable).
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Decodes the name from a single string.
        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        /// Encodes the name as a single string.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        /// Data collected for a purpose (PIPL Art. 6, 13).
        public static let collection = Kind(rawValue: "collection")
        /// A purpose-bound read, permitted, partly permitted or denied.
        public static let read = Kind(rawValue: "read")
        /// Consent given (Art. 14).
        public static let consentGrant = Kind(rawValue: "consent-grant")
        /// Consent withdrawn (Art. 15).
        public static let consentWithdrawal = Kind(rawValue: "consent-withdrawal")
        /// A subject erased (Art. 47).
        public static let erasure = Kind(rawValue: "erasure")
        /// A record deleted at the end of its retention period, or with the consent it rested on (Art. 19, 47).
        public static let retentionDeletion = Kind(rawValue: "retention-deletion")
        /// A record deleted at the individual's request (Art. 47(1)).
        public static let deletion = Kind(rawValue: "deletion")
        /// The master key rotated.
        public static let keyRotation = Kind(rawValue: "key-rotation")
        /// The vault opened with a configuration different from the last one logged.
        public static let configurationChange = Kind(rawValue: "configuration-change")

        /// The name.
        public var description: String { rawValue }
    }

    /// The format version of the leaf.
    public var version: Int
    /// What happened.
    public var kind: Kind
    /// When, in milliseconds since 1970 (UTC).
    public var timeMilliseconds: Int64
    /// Who acted: a staff or service id, or `vault` for the vault itself.
    public var actor: String
    /// The actor's role.
    public var role: String
    /// The purpose, when the event has one.
    public var purpose: String?
    /// The field paths concerned (never their values).
    public var fields: [String]
    /// `permit`, `partial`, `deny`, or `recorded` for events that are not decisions.
    public var decision: String
    /// The keyed commitment to the subject (hex), or nil for vault-wide events.
    public var subject: String?
    /// A non-personal detail: a configuration hash, a key version, a record id.
    public var detail: String?

    enum CodingKeys: String, CodingKey {
        case version = "v", kind = "type", timeMilliseconds = "time", actor, role, purpose, fields, decision, subject, detail
    }

    /// Creates an event.
    public init(kind: Kind, time: Date, actor: String, role: String, purpose: String?, fields: [String], decision: String,
                subject: String?, detail: String? = nil) {
        self.version = 1
        self.kind = kind
        self.timeMilliseconds = Int64((time.timeIntervalSince1970 * 1000).rounded())
        self.actor = actor
        self.role = role
        self.purpose = purpose
        self.fields = fields
        self.decision = decision
        self.subject = subject
        self.detail = detail
    }

    /// When it happened.
    public var time: Date { Date(timeIntervalSince1970: Double(timeMilliseconds) / 1000) }

    /// The canonical leaf bytes: compact JSON with keys in a fixed order, so
    /// the same event always hashes to the same leaf.
    public var leafData: Data {
        var out = "{\"v\":\(version),\"type\":"
        Self.append(kind.rawValue, to: &out)
        out += ",\"time\":\(timeMilliseconds),\"actor\":"
        Self.append(actor, to: &out)
        out += ",\"role\":"
        Self.append(role, to: &out)
        if let purpose {
            out += ",\"purpose\":"
            Self.append(purpose, to: &out)
        }
        out += ",\"fields\":["
        for (offset, field) in fields.enumerated() {
            if offset > 0 { out += "," }
            Self.append(field, to: &out)
        }
        out += "],\"decision\":"
        Self.append(decision, to: &out)
        if let subject {
            out += ",\"subject\":"
            Self.append(subject, to: &out)
        }
        if let detail {
            out += ",\"detail\":"
            Self.append(detail, to: &out)
        }
        out += "}"
        return Data(out.utf8)
    }

    /// Decodes leaf bytes.
    ///
    /// - Throws: ``VaultError`` when the bytes are not a log event.
    public init(leafData: Data) throws {
        do {
            self = try JSONDecoder().decode(LogEvent.self, from: leafData)
        } catch {
            throw VaultError(.integrity, "a transparency-log entry is not a valid event record; the stored entry was altered — run `pivault log check` to locate it")
        }
    }

    private static func append(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

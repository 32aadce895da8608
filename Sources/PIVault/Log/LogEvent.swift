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
        var out: [UInt8] = []
        out.reserveCapacity(192 + fields.reduce(0) { $0 + $1.utf8.count + 3 } + (detail?.utf8.count ?? 0))
        out += #"{"v":"#.utf8
        out += String(version).utf8
        out += #","type":"#.utf8
        Self.append(kind.rawValue, to: &out)
        out += #","time":"#.utf8
        out += String(timeMilliseconds).utf8
        out += #","actor":"#.utf8
        Self.append(actor, to: &out)
        out += #","role":"#.utf8
        Self.append(role, to: &out)
        if let purpose {
            out += #","purpose":"#.utf8
            Self.append(purpose, to: &out)
        }
        out += #","fields":["#.utf8
        for (offset, field) in fields.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            Self.append(field, to: &out)
        }
        out += #"],"decision":"#.utf8
        Self.append(decision, to: &out)
        if let subject {
            out += #","subject":"#.utf8
            Self.append(subject, to: &out)
        }
        if let detail {
            out += #","detail":"#.utf8
            Self.append(detail, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    public init(leafData: Data) throws {
        do {
            self = try JSONDecoder().decode(LogEvent.self, from: leafData)
        } catch {
            throw VaultError(.integrity, "a transparency-log entry is not a valid event record; the stored entry was altered — run `pivault log check` to locate it")
        }
    }

    /// A JSON string. Escaping works on bytes: every byte that needs it is
    /// ASCII, and the bytes of a multi-byte UTF-8 sequence are all ≥ 0x80.
    private static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += utf8
        } else {
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): out += #"\""#.utf8
                case UInt8(ascii: "\\"): out += #"\\"#.utf8
                case UInt8(ascii: "\n"): out += #"\n"#.utf8
                case UInt8(ascii: "\r"): out += #"\r"#.utf8
                case UInt8(ascii: "\t"): out += #"\t"#.utf8
                case ..<0x20: out += String(format: "\\u%04x", byte).utf8
                default: out.append(byte)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// The random identifier of one issued health code.
///
/// It links the code to its subject only inside the vault; the code itself
/// carries no name, ID number or birth date (PIPL Art. 6, data minimisation).
public struct HealthCodeID: Sendable, Hashable, CustomStringConvertible {
    /// 32 lower-case hex characters (128 random bits).
    public let rawValue: String

    /// Wraps an existing id; `nil` unless it is 32 hex characters.
    public init?(_ rawValue: String) {
        guard rawValue.utf8.count == 32, let bytes = Hex.decode(rawValue), bytes.count == 16 else { return nil }
        self.rawValue = rawValue.lowercased()
    }

    /// A fresh id from `generator` (the system CSPRNG by default).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> HealthCodeID {
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return HealthCodeID(Hex.encode(bytes))!
    }

    /// A fresh id from the system CSPRNG.
    public static func random() -> HealthCodeID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// The id itself.
    public var description: String { rawValue }
}

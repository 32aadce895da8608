/// The kind of biometric characteristic a template describes (PIPL Art. 28;
/// GB/T 35273 §3.2: personal biometric information).
public enum BiometricModality: String, Sendable, Hashable, CaseIterable, Codable {
    /// A face.
    case face
    /// A fingerprint.
    case fingerprint
    /// A voiceprint.
    case voiceprint
    /// An iris.
    case iris
}

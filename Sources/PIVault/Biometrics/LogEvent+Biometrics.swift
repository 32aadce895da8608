import PIVaultCore

extension LogEvent.Kind {
    /// A biometric template collected for a purpose (PIPL Art. 28–29); the detail is its modality.
    public static let biometricCollection = LogEvent.Kind(rawValue: "biometric-collection")
    /// A raw biometric capture deleted once its template was derived; never stored (PIPL Art. 28–29).
    public static let rawCaptureDeletion = LogEvent.Kind(rawValue: "raw-capture-deletion")
    /// A 1:1 biometric verification: the decision is `match` or `no-match` (PIPL Art. 26, 29).
    public static let biometricMatch = LogEvent.Kind(rawValue: "biometric-match")
}

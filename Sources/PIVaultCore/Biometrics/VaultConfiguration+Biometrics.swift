extension VaultConfiguration {
    /// The biometric fields `purpose` lists, with their specifications.
    public func biometricFields(of purpose: Purpose) -> [(name: String, spec: BiometricSpec)] {
        purpose.fields.compactMap { name in
            guard case .biometric(let spec)? = field(name, for: purpose)?.type else { return nil }
            return (name, spec)
        }
    }

    /// Whether `purpose` processes biometric information (PIPL Art. 28).
    public func isBiometric(_ purpose: Purpose) -> Bool {
        !biometricFields(of: purpose).isEmpty
    }
}

extension Policy {
    /// Whether `actor` may use `purpose` now at all — role grant (PIPL Art. 51),
    /// impact assessment (Art. 55–56) and legal basis (Art. 13–15) — before any
    /// field is considered: a 1:1 biometric match uses a template without
    /// reading it, so it passes these checks and not the field rules of reads.
    /// Nil when permitted.
    public static func useRefusal(actor: Actor, purpose: Purpose, configuration: VaultConfiguration, context: PolicyContext) -> Denial? {
        guard let role = configuration.roles[actor.role] else {
            return Denial(field: nil, reason: "role '\(actor.role)' is not declared in the configuration", article: "PIPL Art. 51")
        }
        guard role.purposes.contains(purpose.id) else {
            return Denial(field: nil, reason: "role '\(role.id)' is not granted purpose '\(purpose.id)'", article: "PIPL Art. 51")
        }
        return assessmentRefusal(purpose, configuration: configuration, context: context) ?? basisRefusal(purpose, context: context)
    }

    /// The denial of a biometric field in a read: templates are never read,
    /// only matched inside the vault (PIPL Art. 28–29).
    static func biometricReadDenial(_ field: String) -> Denial {
        Denial(field: field, reason: "field '\(field)' is a biometric template: reads never return it; verify a person with `pivault biometric match` instead", article: "PIPL Art. 28")
    }
}

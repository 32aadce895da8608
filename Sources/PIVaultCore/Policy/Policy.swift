/// The single access-control decision every read takes: role, purpose, legal
/// basis and field coverage, in that order. Pure: no I/O, no clock.
public enum Policy {
    /// Decides what `request` may see.
    ///
    /// Rules, in order: the purpose must exist (PIPL Art. 6); the actor's role
    /// must be granted it (Art. 51); a purpose that needs an impact assessment
    /// must have one for its current definition (Art. 55–56); its legal basis must hold now — a live
    /// consent for consent purposes (Art. 13(1), 14–15), a declared emergency
    /// for the public-health basis (Art. 13(4)), a consent given to the current
    /// notice version (Art. 14); then each field must be one the
    /// purpose covers (Art. 6). Fields outside the purpose are refused and so
    /// never decrypted.
    public static func decide(_ request: AccessRequest, configuration: VaultConfiguration, context: PolicyContext) -> AccessDecision {
        guard let purpose = configuration.purposes[request.purpose] else {
            return .deny(Denial(field: nil, reason: "purpose '\(request.purpose)' is not declared in the configuration", article: "PIPL Art. 6"))
        }
        guard let role = configuration.roles[request.actor.role] else {
            return .deny(Denial(field: nil, reason: "role '\(request.actor.role)' is not declared in the configuration", article: "PIPL Art. 51"))
        }
        guard role.purposes.contains(purpose.id) else {
            return .deny(Denial(field: nil, reason: "role '\(role.id)' is not granted purpose '\(purpose.id)'", article: "PIPL Art. 51"))
        }
        if let refusal = assessmentRefusal(purpose, configuration: configuration, context: context) {
            return .deny(refusal)
        }
        if let refusal = basisRefusal(purpose, context: context) {
            return .deny(refusal)
        }
        return decideFields(request, purpose: purpose, configuration: configuration)
    }

    /// A purpose that needs an impact assessment is not active until one is
    /// recorded for its current definition (PIPL Art. 55–56).
    public static func assessmentRefusal(_ purpose: Purpose, configuration: VaultConfiguration, context: PolicyContext) -> Denial? {
        guard !context.assessedPurposes.contains(purpose.id) else { return nil }
        let grounds = configuration.assessmentGrounds(purpose)
        guard !grounds.isEmpty else { return nil }
        return Denial(field: nil, reason: "purpose '\(purpose.id)' is not active: \(grounds.joined(separator: "; ")), and no impact assessment is recorded for its current definition; record one with `pivault assessment add`", article: "PIPL Art. 55, 56")
    }

    static func basisRefusal(_ purpose: Purpose, context: PolicyContext) -> Denial? {
        switch purpose.basis {
        case .consent:
            let live = context.consents.filter { $0.purpose == purpose.id && $0.isLive(at: context.now) }
            let current = context.noticeVersions[purpose.id]
            if live.contains(where: { current == nil || $0.noticeVersion == nil || $0.noticeVersion == current }) { return nil }
            if let stale = live.first?.noticeVersion, let current {
                return Denial(field: nil, reason: "the subject consented to notice version \(stale.prefix(12)) of purpose '\(purpose.id)', but the purpose changed (now version \(current.prefix(12))); ask the subject to renew consent", article: "PIPL Art. 14")
            }
            let withdrawn = context.consents.contains { $0.purpose == purpose.id && $0.withdrawnAt != nil }
            let reason = withdrawn
                ? "the subject withdrew consent to purpose '\(purpose.id)'"
                : "purpose '\(purpose.id)' rests on consent and the subject has given none"
            return Denial(field: nil, reason: reason, article: withdrawn ? "PIPL Art. 15" : "PIPL Art. 13(1), 14")
        case .publicHealthEmergency:
            let covered = context.emergencies.contains { $0.covers(purpose.id, at: context.now) }
            if covered { return nil }
            return Denial(field: nil, reason: "purpose '\(purpose.id)' rests on a public-health emergency and no declared emergency covers it now", article: "PIPL Art. 13(4)")
        case .contract, .statutoryDuty, .newsReporting, .publiclyAvailable, .otherLaw:
            return nil
        }
    }

    static func decideFields(_ request: AccessRequest, purpose: Purpose, configuration: VaultConfiguration) -> AccessDecision {
        let asked = request.fields ?? purpose.fields
        var permitted: [String] = []
        var masked: [String] = []
        var denials: [Denial] = []
        var sensitive: [String] = []
        var seen = Set<String>()
        for field in asked where seen.insert(field).inserted {
            guard purpose.fields.contains(field), let definition = configuration.field(field, for: purpose) else {
                let known = configuration.anyField(named: field) != nil
                let reason = known
                    ? "purpose '\(purpose.id)' does not cover field '\(field)'"
                    : "field '\(field)' is not declared by any collection standard"
                denials.append(Denial(field: field, reason: reason, article: "PIPL Art. 6"))
                continue
            }
            if case .biometric = definition.type {
                denials.append(biometricReadDenial(field))
                continue
            }
            if purpose.masked.contains(field) { masked.append(field) } else { permitted.append(field) }
            if configuration.taxonomy.isSensitive(definition.category) { sensitive.append(field) }
        }
        let outcome: AccessDecision.Outcome
        if permitted.isEmpty && masked.isEmpty { outcome = .deny } else if denials.isEmpty { outcome = .permit } else { outcome = .partial }
        return AccessDecision(outcome: outcome, permitted: permitted, masked: masked, denials: denials, sensitive: sensitive, basis: purpose.basis)
    }
}

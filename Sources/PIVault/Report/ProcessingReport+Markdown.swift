import Foundation
import PIVaultCore

extension ProcessingReport {
    /// The report as Markdown, for people.
    public var markdown: String {
        var out: [String] = []
        out.append("# Record of processing activities")
        out.append("")
        out.append("Generated \(ISODate.formatDateTime(generatedAt)) for \(handler.name) (contact: \(handler.contact)\(handler.officer.map { "; protection officer: \($0)" } ?? "")). Subjects held: \(subjects).")
        out.append("")
        out.append("## Standards")
        for standard in standards {
            out.append("- **\(standard.id)** — \(standard.title): " + standard.fields.map { "\($0.name) (\($0.category)\($0.sensitive ? ", sensitive" : ""))" }.joined(separator: ", "))
        }
        out.append("")
        out.append("## Purposes")
        out.append("")
        out.append("| purpose | basis | categories | recipients | retention | subjects | consents (live/withdrawn) |")
        out.append("|---|---|---|---|---|---|---|")
        for purpose in purposes {
            let categories = purpose.categories.map { purpose.sensitiveCategories.contains($0) ? "\($0) **(sensitive)**" : $0 }.joined(separator: ", ")
            out.append("| \(purpose.id) | \(purpose.basis) (\(purpose.basisArticle))\(purpose.separateConsent ? ", separate consent" : "") | \(categories) | \(purpose.recipients.isEmpty ? "—" : purpose.recipients.joined(separator: ", ")) | \(purpose.retention) | \(purpose.subjects) | \(purpose.liveConsents)/\(purpose.withdrawnConsents) |")
        }
        out.append("")
        out.append("## Categories")
        for category in categories {
            out.append("- \(category.id): \(category.name) / \(category.nameZH)\(category.sensitive ? " — **sensitive** (PIPL Art. 28)" : "")")
        }
        out.append("")
        out.append("## Recipients (PIPL Art. 21, 23, 38–39)")
        if recipients.isEmpty { out.append("None registered.") }
        for recipient in recipients {
            var line = "- **\(recipient.id)** — \(recipient.name), \(recipient.kind)"
            if let country = recipient.country { line += ", abroad in \(country) under \(recipient.mechanism ?? "—")" }
            if let contract = recipient.contract { line += ", contract \(contract)\(recipient.contractInForce == true ? " (in force)" : " (not in force)")" }
            line += "; purposes: \(recipient.purposes.isEmpty ? "none" : recipient.purposes.joined(separator: ", "))"
            out.append(line)
        }
        out.append("")
        out.append("## Emergencies (PIPL Art. 13(4), 18)")
        if emergencies.isEmpty { out.append("None declared.") }
        for emergency in emergencies {
            out.append("- \(emergency.id): \(emergency.name) (\(emergency.legalReference)), purposes \(emergency.purposes.joined(separator: ", ")), \(ISODate.formatDateTime(emergency.startsAt)) → \(emergency.endsAt.map(ISODate.formatDateTime) ?? "open")")
        }
        out.append("")
        out.append("## Incidents (PIPL Art. 57)")
        if incidents.isEmpty { out.append("None recorded.") }
        for incident in incidents {
            out.append("- \(incident.id): \(incident.summary) — occurred \(ISODate.formatDateTime(incident.occurredAt)), categories \(incident.categories.joined(separator: ", ")), \(incident.affected) affected, \(incident.notifiedAt.map { "notified \(ISODate.formatDateTime($0))" } ?? "not yet notified")\(incident.individualsExemption.map { " (authority only, PIPL Art. 57(2): \($0))" } ?? "")")
        }
        out.append("")
        out.append("## Impact assessments (PIPL Art. 55–56)")
        for entry in assessments where !entry.grounds.isEmpty {
            let state = entry.assessment.map { "\($0), \(entry.conclusion ?? "—") by \(entry.assessor ?? "—") on \(entry.assessedOn ?? "—"), kept until \(entry.keepUntil.map(ISODate.formatDate) ?? "—")" } ?? "**no assessment of its current definition — not active**"
            out.append("- \(entry.purpose): \(entry.active ? "active" : "NOT ACTIVE") — \(state); grounds: \(entry.grounds.joined(separator: "; "))")
        }
        if !assessments.contains(where: { !$0.grounds.isEmpty }) { out.append("No purpose needs one.") }
        out.append("")
        out.append("## Open rights requests (PIPL Art. 44–50)")
        if openRightsRequests.isEmpty { out.append("None open.") }
        for (type, count) in openRightsRequests.sorted(by: { $0.key < $1.key }) { out.append("- \(type): \(count)") }
        out.append("")
        out.append("## Access anomalies (PIPL Art. 51)")
        out.append("Alerts raised: \(anomalyAlerts). Actors suspended now: \(suspendedActors).")
        out.append("")
        if let biometrics {
            out.append("## Biometric information (PIPL Art. 26, 28–29)")
            out.append("People with templates held: \(biometrics.subjects). Filing threshold: \(biometrics.threshold).")
            if biometrics.filingDue { out.append("**A filing with the authority is due**: \(biometrics.message).") }
            out.append("")
        }
        out.append("## Transparency log checkpoint")
        out.append("```")
        out.append(logCheckpoint.trimmingCharacters(in: .newlines))
        out.append("```")
        return out.joined(separator: "\n") + "\n"
    }
}

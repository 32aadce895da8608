import Foundation
import PIVaultCore
import PIVaultStore

/// Renders breach notices from an incident record.
struct IncidentNoticeRenderer {
    let incident: IncidentRow
    let configuration: VaultConfiguration

    var handler: Handler { configuration.handler }

    func categoriesEN() -> String {
        incident.categories.map { id in
            let category = configuration.taxonomy[id]
            return "\(category?.name ?? id)\(configuration.taxonomy.isSensitive(id) ? " (sensitive)" : "")"
        }.joined(separator: ", ")
    }

    func categoriesZH() -> String {
        incident.categories.map { id in
            let category = configuration.taxonomy[id]
            return "\(category?.nameZH ?? id)\(configuration.taxonomy.isSensitive(id) ? "（敏感个人信息）" : "")"
        }.joined(separator: "、")
    }

    /// What the people affected are told they can do when the record says nothing more specific.
    var adviceEN: String {
        incident.advice.isEmpty ? "Watch for unexpected calls, messages or account activity; do not share verification codes; contact the handler to ask what is held about you or to have it corrected or deleted." : incident.advice
    }

    var adviceZH: String {
        incident.advice.isEmpty ? "请警惕陌生来电、短信和账户异常活动，不要向他人提供验证码；可联系处理者查询、更正或删除您的个人信息。" : incident.advice
    }

    var contactEN: String { "\(handler.contact)\(handler.officer.map { "; personal information protection officer: \($0)" } ?? "")" }
    var contactZH: String { "\(handler.contact)\(handler.officer.map { "；个人信息保护负责人：\($0)" } ?? "")" }

    var personEN: String {
        [
            "Notice of a personal information incident — \(handler.name)",
            "Incident: \(incident.id), occurred \(ISODate.formatDateTime(incident.occurredAt)), discovered \(ISODate.formatDateTime(incident.discoveredAt)).",
            "What happened: \(incident.summary)",
            "Information involved: \(categoriesEN()).",
            "Cause: \(incident.cause)",
            "Possible harm to you: \(incident.harm)",
            "What we have done: \(incident.measures)",
            "What you can do: \(adviceEN)",
            "Contact: \(contactEN).",
            "This notice is given under Article 57 of the Personal Information Protection Law.",
        ].joined(separator: "\n")
    }

    var personZH: String {
        [
            "个人信息安全事件告知书——\(handler.name)",
            "事件编号：\(incident.id)；发生时间：\(ISODate.formatDateTime(incident.occurredAt))；发现时间：\(ISODate.formatDateTime(incident.discoveredAt))。",
            "事件经过：\(incident.summary)",
            "涉及的个人信息种类：\(categoriesZH())。",
            "原因：\(incident.cause)",
            "可能造成的危害：\(incident.harm)",
            "已采取的补救措施：\(incident.measures)",
            "您可以采取的减轻危害的措施：\(adviceZH)",
            "联系方式：\(contactZH)。",
            "本告知依据《个人信息保护法》第五十七条作出。",
        ].joined(separator: "\n")
    }

    var authorityEN: String {
        [
            "Report of a personal information incident to \(handler.authority ?? "the authority performing personal information protection duties")",
            "Handler: \(handler.name). Contact: \(contactEN).",
            "Incident: \(incident.id), occurred \(ISODate.formatDateTime(incident.occurredAt)), discovered \(ISODate.formatDateTime(incident.discoveredAt)), recorded \(ISODate.formatDateTime(incident.recordedAt)).",
            "What happened: \(incident.summary)",
            "Information involved: \(categoriesEN()).",
            "People affected: \(incident.affectedCount).",
            "Cause: \(incident.cause)",
            "Possible harm: \(incident.harm)",
            "Remedies taken: \(incident.measures)",
            "What the people affected are advised to do: \(adviceEN)",
            incident.individualsExemption.map { "The people affected have not been notified, because the measures taken effectively avoid harm: \($0) (PIPL Art. 57(2)). The authority may require notification." }
                ?? "The people affected are notified individually.",
            "Reported under Article 57 of the Personal Information Protection Law.",
        ].joined(separator: "\n")
    }

    var authorityZH: String {
        [
            "个人信息安全事件报告——报送\(handler.authority ?? "履行个人信息保护职责的部门")",
            "个人信息处理者：\(handler.name)；联系方式：\(contactZH)。",
            "事件编号：\(incident.id)；发生时间：\(ISODate.formatDateTime(incident.occurredAt))；发现时间：\(ISODate.formatDateTime(incident.discoveredAt))；记录时间：\(ISODate.formatDateTime(incident.recordedAt))。",
            "事件经过：\(incident.summary)",
            "涉及的个人信息种类：\(categoriesZH())。",
            "受影响人数：\(incident.affectedCount)。",
            "原因：\(incident.cause)",
            "可能造成的危害：\(incident.harm)",
            "已采取的补救措施：\(incident.measures)",
            "建议个人采取的措施：\(adviceZH)",
            incident.individualsExemption.map { "因已采取的措施能够有效避免信息泄露、篡改、丢失造成危害，未通知个人：\($0)（第五十七条第二款）。履行个人信息保护职责的部门认为可能造成危害的，有权要求通知个人。" }
                ?? "已逐一通知受影响的个人。",
            "依据《个人信息保护法》第五十七条报告。",
        ].joined(separator: "\n")
    }
}

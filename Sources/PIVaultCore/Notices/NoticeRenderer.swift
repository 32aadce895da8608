/// Renders a notice's content as text in Chinese or English (PIPL Art. 17, 30).
public enum NoticeRenderer {
    /// The notice text.
    public static func render(_ content: NoticeContent, version: String, language: NoticeLanguage) -> String {
        language == .zh ? chinese(content, version: version) : english(content, version: version)
    }

    static func english(_ c: NoticeContent, version: String) -> String {
        var lines = ["Personal information notice — \(c.title)", "Notice version: \(version)", ""]
        lines.append("Handler: \(c.handler). Contact: \(c.contact).")
        if let officer = c.officer { lines.append("Personal information protection officer: \(officer).") }
        lines.append("Purpose: \(c.description.isEmpty ? c.title : c.description)")
        lines.append("Legal basis: \(englishBasis(c.basis)) (PIPL \(c.basis.article)).")
        lines.append("Method: \(c.method).")
        lines.append("Information processed:")
        for category in c.categories {
            lines.append("  - \(category.name)\(category.sensitive ? " [SENSITIVE]" : ""): \(category.fields.joined(separator: ", "))")
        }
        if c.categories.contains(where: \.sensitive) {
            lines.append("Why the sensitive information is necessary: \(c.necessity ?? "—")")
            lines.append("Impact on you: \(c.impact ?? "—")")
        }
        lines.append("Retention: \(englishRetention(c.retention)); then it is deleted.")
        lines.append(c.recipients.isEmpty ? "Recipients: none; the information is not provided to other handlers." : "Recipients: \(c.recipients.joined(separator: ", ")).")
        for detail in c.recipientDetails ?? [] { lines.append(contentsOf: englishRecipient(detail)) }
        if c.disclosesPublicly { lines.append("Results are disclosed publicly.") }
        if let mechanism = c.crossBorderMechanism { lines.append("Transfer outside the PRC under: \(mechanism).") }
        lines.append(c.necessary ? "This processing is necessary for the service." : "This processing is optional: refusing it does not affect the service (PIPL Art. 16).")
        if let setting = c.biometricSetting { lines.append("Biometric capture: \(setting.noticeText) (PIPL Art. 26).") }
        if let alternative = c.biometricAlternative { lines.append("You may refuse biometric processing and use instead: \(alternative) (PIPL Art. 29).") }
        if c.separateConsent && c.basis == .consent { lines.append("This purpose needs your separate consent, given for it alone.") }
        lines.append("Your rights: you may access, copy, correct and delete your information, ask for an explanation of these rules\(c.basis == .consent ? ", and withdraw your consent at any time without affecting earlier lawful processing" : ""). Contact \(c.contact) (PIPL Art. 44–50\(c.basis == .consent ? ", 15" : "")).")
        return lines.joined(separator: "\n")
    }

    static func chinese(_ c: NoticeContent, version: String) -> String {
        var lines = ["个人信息处理告知书——\(c.title)", "告知书版本：\(version)", ""]
        lines.append("个人信息处理者：\(c.handler)；联系方式：\(c.contact)。")
        if let officer = c.officer { lines.append("个人信息保护负责人：\(officer)。") }
        lines.append("处理目的：\(c.description.isEmpty ? c.title : c.description)")
        lines.append("处理依据：\(chineseBasis(c.basis))（《个人信息保护法》第十三条第\(c.basis.clauseNumber)项）。")
        lines.append("处理方式：\(c.method)。")
        lines.append("处理的个人信息种类：")
        for category in c.categories {
            lines.append("  - \(category.nameZH)\(category.sensitive ? "【敏感个人信息】" : "")：\(category.fields.joined(separator: "、"))")
        }
        if c.categories.contains(where: \.sensitive) {
            lines.append("处理敏感个人信息的必要性：\(c.necessity ?? "—")")
            lines.append("对个人权益的影响：\(c.impact ?? "—")")
        }
        lines.append("保存期限：\(chineseRetention(c.retention))，期满后删除。")
        lines.append(c.recipients.isEmpty ? "接收方：无，不向其他个人信息处理者提供。" : "接收方：\(c.recipients.joined(separator: "、"))。")
        for detail in c.recipientDetails ?? [] { lines.append(contentsOf: chineseRecipient(detail)) }
        if c.disclosesPublicly { lines.append("处理结果将公开。") }
        if let mechanism = c.crossBorderMechanism { lines.append("向境外提供，依据：\(mechanism)。") }
        lines.append(c.necessary ? "该处理为提供服务所必需。" : "该处理非提供服务所必需，拒绝不影响服务（第十六条）。")
        if let setting = c.biometricSetting { lines.append("生物识别信息采集：\(setting.noticeTextZH)（第二十六条）。") }
        if let alternative = c.biometricAlternative { lines.append("您可以拒绝生物识别处理，改用：\(alternative)（第二十九条）。") }
        if c.separateConsent && c.basis == .consent { lines.append("该目的需要您单独同意。") }
        lines.append("您的权利：您可以查阅、复制、更正、删除您的个人信息，要求解释处理规则\(c.basis == .consent ? "，并可随时撤回同意，撤回不影响撤回前基于同意已进行的处理活动的效力" : "")。联系方式：\(c.contact)（第四十四条至第五十条\(c.basis == .consent ? "、第十五条" : "")）。")
        return lines.joined(separator: "\n")
    }

    static func englishRecipient(_ r: NoticeContent.RecipientDetail) -> [String] {
        let what = r.kind == .processor ? "entrusted processor acting for the handler (PIPL Art. 21)" : "another handler (PIPL Art. 23)"
        var lines = ["  - \(r.name): \(what)\(r.contact.map { "; contact: \($0)" } ?? "")."]
        if let country = r.country {
            lines.append("    Outside the PRC, in \(country), under \(r.mechanism?.english ?? "—") (PIPL Art. 38–39). Exercise your rights against this recipient through \(r.rightsContact ?? r.contact ?? "the handler").")
        }
        return lines
    }

    static func chineseRecipient(_ r: NoticeContent.RecipientDetail) -> [String] {
        let what = r.kind == .processor ? "受托处理者，代表处理者处理（第二十一条）" : "其他个人信息处理者（第二十三条）"
        var lines = ["  - \(r.name)：\(what)\(r.contact.map { "；联系方式：\($0)" } ?? "")。"]
        if let country = r.country {
            lines.append("    境外接收方，位于\(country)，依据\(r.mechanism?.chinese ?? "—")（第三十八条、第三十九条）。向该境外接收方行使权利的方式：\(r.rightsContact ?? r.contact ?? "联系处理者")。")
        }
        return lines
    }

    static func englishBasis(_ basis: LegalBasis) -> String {
        switch basis {
        case .consent: "your consent"
        case .contract: "a contract with you or human-resources management"
        case .statutoryDuty: "a statutory duty"
        case .publicHealthEmergency: "responding to a public-health emergency"
        case .newsReporting: "news reporting in the public interest"
        case .publiclyAvailable: "information you or others lawfully made public"
        case .otherLaw: "another law or administrative regulation"
        }
    }

    static func chineseBasis(_ basis: LegalBasis) -> String {
        switch basis {
        case .consent: "取得个人的同意"
        case .contract: "订立、履行合同或实施人力资源管理所必需"
        case .statutoryDuty: "履行法定职责或者法定义务所必需"
        case .publicHealthEmergency: "应对突发公共卫生事件所必需"
        case .newsReporting: "为公共利益实施新闻报道、舆论监督"
        case .publiclyAvailable: "处理已经合法公开的个人信息"
        case .otherLaw: "法律、行政法规规定的其他情形"
        }
    }

    static func englishRetention(_ text: String) -> String {
        guard let period = RetentionPeriod(parsing: text) else { return text }
        let unit = period.unit == .days ? "day" : period.unit == .months ? "month" : "year"
        return "\(period.value) \(unit)\(period.value == 1 ? "" : "s")"
    }

    static func chineseRetention(_ text: String) -> String {
        guard let period = RetentionPeriod(parsing: text) else { return text }
        return "\(period.value)\(period.unit == .days ? "日" : period.unit == .months ? "个月" : "年")"
    }
}

extension LegalBasis {
    /// The clause of Art. 13 in Chinese numerals, e.g. `四`.
    var clauseNumber: String {
        ["一", "二", "三", "四", "五", "六", "七"][LegalBasis.allCases.firstIndex(of: self)!]
    }
}

import Foundation
import PIVaultCore
import Yams

extension ConfigurationParser {
    /// One entry of `recipients:` (PIPL Art. 21, 23, 38–39).
    func recipient(_ node: Node, into parsed: inout ParsedConfiguration) {
        let map = cursor.mapping(node, at: "recipients[]", allowed: ["id", "name", "kind", "contact", "country", "mechanism", "rights_contact", "contract"])
        guard let id = cursor.string(map["id"], at: "recipients[].id", required: true, parent: node) else { return }
        let path = "recipients[\(id)]"
        let name = cursor.string(map["name"], at: "\(path).name") ?? id
        var kind: RecipientKind?
        if let text = cursor.string(map["kind"], at: "\(path).kind", required: true, parent: node) {
            kind = RecipientKind(rawValue: text)
            if kind == nil {
                cursor.report(map["kind"], "recipient '\(id)' has unknown kind '\(text)'; use 'handler' (another handler, PIPL Art. 23) or 'processor' (entrusted processor, PIPL Art. 21)")
            }
        }
        var mechanism: TransferMechanism?
        if let text = cursor.string(map["mechanism"], at: "\(path).mechanism") {
            mechanism = TransferMechanism(rawValue: text)
            if mechanism == nil {
                cursor.report(map["mechanism"], "recipient '\(id)' has unknown transfer mechanism '\(text)'; use one of \(TransferMechanism.allCases.map(\.rawValue).joined(separator: ", ")) (PIPL Art. 38)")
            }
        }
        let contract = map["contract"].flatMap { self.contract($0, recipient: id, into: &parsed) }
        guard let kind else { return }
        let recipient = Recipient(
            id: id, name: name, kind: kind, contact: cursor.string(map["contact"], at: "\(path).contact"),
            country: cursor.string(map["country"], at: "\(path).country"), mechanism: mechanism,
            rightsContact: cursor.string(map["rights_contact"], at: "\(path).rights_contact"), contract: contract)
        if recipient.isAbroad, mechanism == nil, map["mechanism"] == nil {
            cursor.report(node, "recipient '\(id)' is abroad (country \(recipient.country ?? "")) but declares no transfer 'mechanism'; use one of \(TransferMechanism.allCases.map(\.rawValue).joined(separator: ", ")) (PIPL Art. 38)")
        }
        if recipient.isAbroad, recipient.rightsContact == nil, recipient.contact == nil {
            cursor.report(node, "recipient '\(id)' is abroad; say how people exercise their rights against it with 'rights_contact' (PIPL Art. 39)")
        }
        if !recipient.isAbroad, map["mechanism"] != nil {
            cursor.report(map["mechanism"], "recipient '\(id)' names a transfer mechanism but no 'country' outside the PRC; add its country or drop the mechanism (PIPL Art. 38)")
        }
        if kind == .processor, map["contract"] == nil {
            cursor.report(node, "recipient '\(id)' is an entrusted processor but has no 'contract'; give its period (from, until), purposes and permitted categories (PIPL Art. 21)")
        }
        if kind == .handler, map["contract"] != nil {
            cursor.report(map["contract"], "recipient '\(id)' is another handler; only an entrusted processor ('kind: processor') works under a 'contract' (PIPL Art. 21)")
        }
        parsed.recipients.append(.init(value: recipient, node: node))
    }

    /// A processor's `contract:` mapping.
    func contract(_ node: Node, recipient id: String, into parsed: inout ParsedConfiguration) -> EntrustmentContract? {
        let path = "recipients[\(id)].contract"
        let map = cursor.mapping(node, at: path, allowed: ["from", "until", "purposes", "categories"])
        var from: Date?
        if let text = cursor.string(map["from"], at: "\(path).from", required: true, parent: node) {
            from = ISODate.parseDate(text)
            if from == nil { cursor.report(map["from"], "\(path).from '\(text)' must be a date such as 2022-01-01") }
        }
        var until: Date?
        if let text = cursor.string(map["until"], at: "\(path).until") {
            until = ISODate.parseDate(text)
            if until == nil { cursor.report(map["until"], "\(path).until '\(text)' must be a date such as 2022-12-31") }
        }
        if let from, let until, until <= from {
            cursor.report(map["until"], "the contract of recipient '\(id)' ends before it starts; 'until' must be after 'from' (PIPL Art. 21)")
        }
        let purposes = cursor.strings(map["purposes"], at: "\(path).purposes")
        let categories = cursor.strings(map["categories"], at: "\(path).categories")
        if categories.isEmpty {
            cursor.report(node, "the contract of recipient '\(id)' lists no permitted 'categories'; name the data categories it may receive (PIPL Art. 21)")
        }
        for (purpose, purposeNode) in purposes { parsed.contractPurposes.append((id, purpose, purposeNode)) }
        for (category, categoryNode) in categories { parsed.contractCategories.append((id, category, categoryNode)) }
        guard let from else { return nil }
        return EntrustmentContract(from: from, until: until, purposes: purposes.map(\.0), categories: categories.map(\.0))
    }

    /// The `anomaly:` section (PIPL Art. 51, 57).
    func anomaly(_ node: Node, into parsed: inout ParsedConfiguration) {
        let map = cursor.mapping(node, at: "anomaly", allowed: ["time_zone", "working_hours", "webhook", "rules"])
        var policy = AnomalyPolicy()
        if let text = cursor.string(map["time_zone"], at: "anomaly.time_zone") {
            if let zone = TimeZone(identifier: text) { policy.timeZone = zone } else {
                cursor.report(map["time_zone"], "unknown time zone '\(text)'; use an IANA name such as Asia/Shanghai")
            }
        }
        if let text = cursor.string(map["working_hours"], at: "anomaly.working_hours") {
            if let range = AnomalyPolicy.parseWorkingHours(text) { policy.workingMinutes = range } else {
                cursor.report(map["working_hours"], "working_hours '\(text)' must be HH:MM-HH:MM with the start before the end, e.g. 08:00-20:00")
            }
        }
        if let text = cursor.string(map["webhook"], at: "anomaly.webhook") {
            if let url = URL(string: text), ["http", "https"].contains(url.scheme ?? "") { policy.webhook = url } else {
                cursor.report(map["webhook"], "anomaly.webhook '\(text)' must be an http(s) URL")
            }
        }
        for ruleNode in cursor.sequence(map["rules"], at: "anomaly.rules") {
            if let rule = anomalyRule(ruleNode, into: &parsed) {
                policy.rules.append(rule)
                parsed.anomalyRules.append(.init(value: rule, node: ruleNode))
            }
        }
        parsed.anomaly = policy
    }

    func anomalyRule(_ node: Node, into parsed: inout ParsedConfiguration) -> AnomalyRule? {
        let map = cursor.mapping(node, at: "anomaly.rules[]", allowed: ["id", "kind", "window", "baseline", "role_baselines", "suspend"])
        guard let id = cursor.string(map["id"], at: "anomaly.rules[].id", required: true, parent: node) else { return nil }
        let path = "anomaly.rules[\(id)]"
        guard let kindText = cursor.string(map["kind"], at: "\(path).kind", required: true, parent: node) else { return nil }
        guard let kind = AnomalyRule.Kind(rawValue: kindText) else {
            cursor.report(map["kind"], "anomaly rule '\(id)' has unknown kind '\(kindText)'; use one of \(AnomalyRule.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        var window = 3600
        if let text = cursor.string(map["window"], at: "\(path).window") {
            guard let seconds = AnomalyRule.parseWindow(text) else {
                cursor.report(map["window"], "window '\(text)' must be a positive number followed by s, m, h or d, e.g. 1h")
                return nil
            }
            window = seconds
        }
        var baseline = 0
        if let node = map["baseline"] {
            guard let value = node.int, value >= 0 else {
                cursor.report(node, "\(path).baseline must be a whole number of events that is normal within the window")
                return nil
            }
            baseline = value
        } else if kind != .outsideHours {
            cursor.report(node, "anomaly rule '\(id)' (\(kind.rawValue)) needs a 'baseline': how many events within the window are normal")
            return nil
        }
        var roleBaselines: [String: Int] = [:]
        for (role, valueNode) in cursor.mapping(map["role_baselines"], at: "\(path).role_baselines", allowed: Set(parsed.roles.map(\.value.id))) {
            guard let value = valueNode.int, value >= 0 else {
                cursor.report(valueNode, "\(path).role_baselines.\(role) must be a whole number of events that is normal within the window")
                continue
            }
            roleBaselines[role] = value
        }
        let suspend = cursor.bool(map["suspend"], at: "\(path).suspend") ?? false
        return AnomalyRule(id: id, kind: kind, window: window, baseline: baseline, roleBaselines: roleBaselines, suspend: suspend)
    }
}

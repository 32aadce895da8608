import PIVaultCore
import Yams

/// Turns YAML nodes into configuration values, reporting shape problems
/// (unknown keys, wrong types, missing values) through the cursor.
struct ConfigurationParser {
    let cursor: YAMLCursor

    func parse(_ root: Node) -> ParsedConfiguration {
        var parsed = ParsedConfiguration()
        let top = cursor.mapping(root, at: "configuration", allowed: ["version", "handler", "categories", "standards", "purposes", "roles", "recipients", "anomaly", "biometrics"])
        if let version = top["version"], version.int != 1 {
            cursor.report(version, "'version' must be 1")
        }
        parsed.handler = handler(top["handler"], parent: root)
        for node in cursor.sequence(top["categories"], at: "categories") {
            if let category = category(node) { parsed.categories.append(.init(value: category, node: node)) }
        }
        for node in cursor.sequence(top["standards"], at: "standards") {
            standard(node, into: &parsed)
        }
        if top["standards"] == nil { cursor.report(root, "'standards' is missing; declare at least one collection standard") }
        for node in cursor.sequence(top["purposes"], at: "purposes") {
            purpose(node, into: &parsed)
        }
        if top["purposes"] == nil { cursor.report(root, "'purposes' is missing; declare at least one purpose") }
        for node in cursor.sequence(top["roles"], at: "roles") {
            role(node, into: &parsed)
        }
        for node in cursor.sequence(top["recipients"], at: "recipients") {
            recipient(node, into: &parsed)
        }
        if let node = top["anomaly"] { anomaly(node, into: &parsed) }
        if let node = top["biometrics"] { biometrics(node, into: &parsed) }
        return parsed
    }

    func handler(_ node: Node?, parent: Node) -> Handler? {
        guard let node else {
            cursor.report(parent, "'handler' is missing; name the personal-information handler and its contact (PIPL Art. 17)")
            return nil
        }
        let map = cursor.mapping(node, at: "handler", allowed: ["name", "contact", "officer", "authority"])
        let name = cursor.string(map["name"], at: "handler.name", required: true, parent: node)
        let contact = cursor.string(map["contact"], at: "handler.contact", required: true, parent: node)
        let officer = cursor.string(map["officer"], at: "handler.officer")
        let authority = cursor.string(map["authority"], at: "handler.authority")
        guard let name, let contact else { return nil }
        return Handler(name: name, contact: contact, officer: officer, authority: authority)
    }

    func category(_ node: Node) -> DataCategory? {
        let map = cursor.mapping(node, at: "categories[]", allowed: ["id", "name", "name_zh", "sensitive"])
        guard let id = cursor.string(map["id"], at: "categories[].id", required: true, parent: node) else { return nil }
        let name = cursor.string(map["name"], at: "categories[\(id)].name") ?? id
        let nameZH = cursor.string(map["name_zh"], at: "categories[\(id)].name_zh") ?? name
        guard let sensitive = cursor.bool(map["sensitive"], at: "categories[\(id)].sensitive") else {
            if map["sensitive"] == nil { cursor.report(node, "category '\(id)' must say 'sensitive: true' or 'false' (PIPL Art. 28)") }
            return nil
        }
        return DataCategory(id: id, name: name, nameZH: nameZH, sensitive: sensitive)
    }

    func standard(_ node: Node, into parsed: inout ParsedConfiguration) {
        let map = cursor.mapping(node, at: "standards[]", allowed: ["id", "title", "fields"])
        guard let id = cursor.string(map["id"], at: "standards[].id", required: true, parent: node) else { return }
        let title = cursor.string(map["title"], at: "standards[\(id)].title") ?? id
        var fields: [FieldDefinition] = []
        if map["fields"] == nil { cursor.report(node, "standard '\(id)' has no 'fields'; list the fields it collects") }
        for fieldNode in cursor.sequence(map["fields"], at: "standards[\(id)].fields") {
            let fieldMap = cursor.mapping(fieldNode, at: "standards[\(id)].fields[]", allowed: Self.biometricFieldKeys.union(["name", "type", "category", "required", "indexed", "values"]))
            guard let name = cursor.string(fieldMap["name"], at: "standards[\(id)].fields[].name", required: true, parent: fieldNode) else { continue }
            let path = "standards[\(id)].fields[\(name)]"
            guard let typeName = cursor.string(fieldMap["type"], at: "\(path).type", required: true, parent: fieldNode) else { continue }
            guard let type = typeName == "biometric" ? biometricType(fieldMap, node: fieldNode, path: path)
                    : fieldType(typeName, values: fieldMap["values"], node: fieldMap["type"]!, path: path) else { continue }
            guard let category = cursor.string(fieldMap["category"], at: "\(path).category", required: true, parent: fieldNode) else { continue }
            let required = cursor.bool(fieldMap["required"], at: "\(path).required") ?? false
            let indexed = cursor.bool(fieldMap["indexed"], at: "\(path).indexed")
            fields.append(FieldDefinition(name: name, type: type, category: category, required: required, indexed: indexed))
            parsed.fieldCategories.append((id, name, category, fieldMap["category"]!))
            parsed.fieldNodes["\(id).\(name)", default: []].append(fieldNode)
        }
        parsed.standards.append(.init(value: CollectionStandard(id: id, title: title, fields: fields), node: node))
    }

    func fieldType(_ name: String, values: Node?, node: Node, path: String) -> FieldType? {
        switch name {
        case "text": return .text
        case "resident-id": return .residentID
        case "mobile": return .mobile
        case "date": return .date
        case "datetime": return .dateTime
        case "email": return .email
        case "boolean": return .boolean
        case "integer": return .integer
        case "list": return .textList
        case "enum":
            let allowed = cursor.strings(values, at: "\(path).values").map(\.0)
            if allowed.isEmpty { cursor.report(node, "\(path) is an enum; list its 'values'") }
            return .enumeration(allowed)
        default:
            cursor.report(node, "unknown field type '\(name)'; use one of \(FieldType.configNames.joined(separator: ", "))")
            return nil
        }
    }

    func purpose(_ node: Node, into parsed: inout ParsedConfiguration) {
        let allowed: Set<String> = ["id", "title", "description", "basis", "standards", "fields", "masked", "retention", "necessary", "necessity", "impact",
                                    "method", "recipients", "discloses_publicly", "cross_border", "emergency_grace", "automated_decision"]
        let map = cursor.mapping(node, at: "purposes[]", allowed: allowed.union(Self.biometricPurposeKeys))
        guard let id = cursor.string(map["id"], at: "purposes[].id", required: true, parent: node) else { return }
        let path = "purposes[\(id)]"
        let title = cursor.string(map["title"], at: "\(path).title") ?? id
        let description = cursor.string(map["description"], at: "\(path).description") ?? ""
        var basis: LegalBasis?
        if let basisName = cursor.string(map["basis"], at: "\(path).basis", required: true, parent: node) {
            basis = LegalBasis(rawValue: basisName)
            if basis == nil {
                cursor.report(map["basis"], "unknown legal basis '\(basisName)'; use one of \(LegalBasis.allCases.map(\.rawValue).joined(separator: ", ")) (PIPL Art. 13)")
            }
        }
        var retention: RetentionPeriod?
        if let text = cursor.string(map["retention"], at: "\(path).retention") {
            retention = RetentionPeriod(parsing: text)
            if retention == nil { cursor.report(map["retention"], "retention '\(text)' must be a positive number followed by d, m or y, e.g. 180d") }
        } else if map["retention"] == nil {
            cursor.report(node, "purpose '\(id)' has no 'retention'; say how long its records are kept, e.g. 'retention: 180d' (PIPL Art. 19)")
        }
        let standards = cursor.strings(map["standards"], at: "\(path).standards")
        let fields = cursor.strings(map["fields"], at: "\(path).fields")
        let masked = cursor.strings(map["masked"], at: "\(path).masked")
        if map["standards"] == nil { cursor.report(node, "purpose '\(id)' has no 'standards'; list the collection standards it uses") }
        if map["fields"] == nil { cursor.report(node, "purpose '\(id)' has no 'fields'; list exactly the fields it needs (PIPL Art. 6)") }
        let necessary = cursor.bool(map["necessary"], at: "\(path).necessary") ?? true
        var grace: RetentionPeriod?
        if let text = cursor.string(map["emergency_grace"], at: "\(path).emergency_grace") {
            grace = RetentionPeriod(parsing: text)
            if grace == nil { cursor.report(map["emergency_grace"], "emergency_grace '\(text)' must be a positive number followed by d, m or y, e.g. 30d") }
        }
        let recipientReferences = cursor.strings(map["recipients"], at: "\(path).recipients")
        let recipients = recipientReferences.map(\.0)
        let disclosesPublicly = cursor.bool(map["discloses_publicly"], at: "\(path).discloses_publicly") ?? false
        let crossBorder = cursor.string(map["cross_border"], at: "\(path).cross_border")
        let method = cursor.string(map["method"], at: "\(path).method")
        let biometricUse = biometricUse(map, path: path)
        guard let basis, let retention else { return }
        var purpose = Purpose(
            id: id, title: title, description: description, basis: basis,
            standards: standards.map(\.0), fields: fields.map(\.0), masked: masked.map(\.0),
            retention: retention, necessary: necessary,
            necessity: cursor.string(map["necessity"], at: "\(path).necessity"),
            impact: cursor.string(map["impact"], at: "\(path).impact"),
            method: method ?? "electronic collection and storage, encrypted per person",
            recipients: recipients, disclosesPublicly: disclosesPublicly, crossBorderMechanism: crossBorder, emergencyGrace: grace)
        purpose.biometric = biometricUse
        var declared = purpose
        declared.automatedDecision = cursor.bool(map["automated_decision"], at: "\(path).automated_decision") ?? false
        parsed.purposes.append(.init(value: declared, node: node))
        parsed.purposeReferences[id] = (standards, fields, masked)
        parsed.purposeRecipients[id] = recipientReferences
    }

    func role(_ node: Node, into parsed: inout ParsedConfiguration) {
        let map = cursor.mapping(node, at: "roles[]", allowed: ["id", "purposes", "administrator", "officer"])
        guard let id = cursor.string(map["id"], at: "roles[].id", required: true, parent: node) else { return }
        let purposes = cursor.strings(map["purposes"], at: "roles[\(id)].purposes")
        let administrator = cursor.bool(map["administrator"], at: "roles[\(id)].administrator") ?? false
        let officer = cursor.bool(map["officer"], at: "roles[\(id)].officer") ?? false
        parsed.roles.append(.init(value: Role(id: id, purposes: purposes.map(\.0), administrator: administrator, officer: officer), node: node))
        parsed.rolePurposes[id] = purposes
    }
}

import Foundation
import PIVaultCore
import PIVaultStore

extension Vault {
    /// The access report of PIPL Art. 45: every record with its standard,
    /// purpose, legal basis, collection time, retention deadline and values;
    /// consents with their notice versions; recipients; corrections; deletions;
    /// the access history from the transparency log with inclusion proofs;
    /// with a summary text in Chinese and English.
    func accessReport(subjectID: String, requestID: String) async throws -> JSONValue {
        let records = try await openedRecords(subjectID: subjectID)
        let biometrics = try await biometricAccessSection(subjectID: subjectID)
        let accessLog = try AccessReportHistory(try await accessHistory(subjectID))
        let (consents, restrictions, history, deletions) = try await store.read { session in
            (try await session.consents(subjectID: subjectID), try await session.restrictions(subjectID: subjectID),
             try await session.fieldHistory(subjectID: subjectID), try await session.deletionReceipts(subjectID: subjectID))
        }
        let restricted = Dictionary(restrictions.map { ($0.recordID, $0) }, uniquingKeysWith: { first, _ in first })
        let recordValues: [JSONValue] = records.map { record in
            let purpose = configuration.purposes[record.summary.purpose]
            var fields: [String: JSONValue] = [
                "recordID": .string(record.summary.recordID),
                "standard": .string(record.summary.standard),
                "standardTitle": .string(configuration.standards[record.summary.standard]?.title ?? record.summary.standard),
                "purpose": .string(record.summary.purpose),
                "purposeTitle": .string(purpose?.title ?? record.summary.purpose),
                "legalBasis": .string(purpose?.basis.rawValue ?? "unknown"),
                "legalBasisArticle": .string("PIPL " + (purpose?.basis.article ?? "Art. 13")),
                "collectedAt": Self.time(record.summary.collectedAt),
                "retainUntil": Self.time(record.summary.retainUntil),
                "values": .object(record.values),
            ]
            if !record.failed.isEmpty { fields["integrityFailures"] = .array(record.failed.map(JSONValue.string)) }
            if let restriction = restricted[record.summary.recordID] {
                fields["restricted"] = .object(["reason": .string(restriction.reason), "article": .string(restriction.article), "since": Self.time(restriction.since)])
            }
            return .object(fields)
        }
        let consentValues: [JSONValue] = consents.map { consent in
            var fields: [String: JSONValue] = [
                "consentID": .string(consent.id), "purpose": .string(consent.purpose), "grantedAt": Self.time(consent.grantedAt),
                "noticeVersion": .string(consent.noticeVersion ?? ""), "currentNoticeVersion": .string(notices.versions[consent.purpose] ?? ""),
                "method": .string(consent.method ?? ""),
            ]
            if let withdrawn = consent.withdrawnAt { fields["withdrawnAt"] = Self.time(withdrawn) }
            if consent.guardian != nil { fields["guardianConsent"] = .bool(true) }
            return .object(fields)
        }
        let purposesHeld = Set(records.map(\.summary.purpose)).union(consents.map(\.purpose)).sorted()
        let recipients: [JSONValue] = purposesHeld.compactMap { id in
            guard let purpose = configuration.purposes[id], !purpose.recipients.isEmpty else { return nil }
            return .object(["purpose": .string(id), "recipients": .array(purpose.recipients.map(JSONValue.string)),
                            "crossBorderMechanism": purpose.crossBorderMechanism.map(JSONValue.string) ?? .null])
        }
        let corrections: [JSONValue] = history.map { entry in
            .object(["recordID": .string(entry.recordID), "field": .string(entry.field), "replacedAt": Self.time(entry.replacedAt), "requestID": .string(entry.requestID)])
        }
        let deletionValues: [JSONValue] = deletions.map { receipt in
            .object(["receiptID": .string(receipt.id), "recordID": receipt.recordID.map(JSONValue.string) ?? .null, "purpose": receipt.purpose.map(JSONValue.string) ?? .null,
                     "reason": .string(receipt.reason), "article": .string(receipt.article), "deletedAt": Self.time(receipt.deletedAt)])
        }
        let summary = records.map { (id: $0.summary.recordID, purpose: $0.summary.purpose, basis: configuration.purposes[$0.summary.purpose]?.basis,
                                     collected: $0.summary.collectedAt, until: $0.summary.retainUntil, fields: $0.values.keys.sorted()) }
        let english = (["Access report (PIPL Art. 45) for subject \(subjectID), from \(configuration.handler.name).",
                        "Records held: \(records.count); consents: \(consents.count); corrections: \(history.count); deletions: \(deletions.count)."]
                       + summary.map { "- Record \($0.id): purpose '\($0.purpose)', legal basis \($0.basis?.rawValue ?? "unknown") (PIPL \($0.basis?.article ?? "Art. 13")), collected \(ISODate.formatDateTime($0.collected)), kept until \(ISODate.formatDateTime($0.until)); fields: \($0.fields.joined(separator: ", "))." }
                       + biometrics.english
                       + accessLog.english
                       + ["Contact for questions or further requests: \(configuration.handler.officer ?? configuration.handler.contact)."]).joined(separator: "\n")
        let chinese = (["个人信息查阅报告（《个人信息保护法》第四十五条），个人标识：\(subjectID)，处理者：\(configuration.handler.name)。",
                        "所持记录：\(records.count) 条；同意：\(consents.count) 项；更正：\(history.count) 次；删除：\(deletions.count) 次。"]
                       + summary.map { "- 记录 \($0.id)：处理目的「\($0.purpose)」，处理依据 \($0.basis?.rawValue ?? "未知")（\($0.basis?.article ?? "Art. 13")），收集时间 \(ISODate.formatDateTime($0.collected))，保存至 \(ISODate.formatDateTime($0.until))；字段：\($0.fields.joined(separator: "、"))。" }
                       + biometrics.chinese
                       + accessLog.chinese
                       + ["如有疑问或其他请求，请联系：\(configuration.handler.officer ?? configuration.handler.contact)。"]).joined(separator: "\n")
        return .object([
            "format": .string("pivault-access-report/1"),
            "requestID": .string(requestID),
            "subject": .string(subjectID),
            "generatedAt": Self.time(clock.now()),
            "controller": .object(["name": .string(configuration.handler.name), "contact": .string(configuration.handler.contact),
                                   "officer": configuration.handler.officer.map(JSONValue.string) ?? .null]),
            "records": .array(recordValues),
            "consents": .array(consentValues),
            "recipients": .array(recipients),
            "corrections": .array(corrections),
            "deletions": .array(deletionValues),
            "biometricTemplates": biometrics.section,
            "accessHistory": accessLog.section,
            "text": .object(["zh-CN": .string(chinese), "en": .string(english)]),
        ])
    }

    /// The copy or portable export of PIPL Art. 45: the subject's records as
    /// JSON with a manifest (per-record SHA-256 of the canonical values, the
    /// fields of each standard), to be signed so a receiver can check it offline.
    func dataExport(subjectID: String, requestID: String, portable: Bool, recipient: String?) async throws -> JSONValue {
        let records = try await openedRecords(subjectID: subjectID)
        let consents = try await store.read { try await $0.consents(subjectID: subjectID) }
        var manifestRecords: [JSONValue] = []
        var recordValues: [JSONValue] = []
        for record in records {
            let values = JSONValue.object(record.values)
            manifestRecords.append(.object(["recordID": .string(record.summary.recordID), "sha256": .string(Self.sha256Hex(try SignedDocument.canonical(values))),
                                            "fields": .number(Double(record.values.count))]))
            recordValues.append(.object([
                "recordID": .string(record.summary.recordID), "standard": .string(record.summary.standard), "purpose": .string(record.summary.purpose),
                "collectedAt": Self.time(record.summary.collectedAt), "retainUntil": Self.time(record.summary.retainUntil), "values": values,
            ]))
        }
        let standards = Set(records.map(\.summary.standard)).sorted()
        let schema = JSONValue.object(Dictionary(uniqueKeysWithValues: standards.map { id in
            (id, JSONValue.array((configuration.standards[id]?.fields ?? []).map { .object(["name": .string($0.name), "type": .string($0.type.configName), "category": .string($0.category)]) }))
        }))
        return .object([
            "format": .string(portable ? "pivault-portable-export/1" : "pivault-export/1"),
            "requestID": .string(requestID),
            "subject": .string(subjectID),
            "exportedAt": Self.time(clock.now()),
            "exportedBy": .string(configuration.handler.name),
            "recipient": recipient.map(JSONValue.string) ?? .null,
            "article": .string(portable ? "PIPL Art. 45(3)" : "PIPL Art. 45"),
            "manifest": .object(["recordCount": .number(Double(records.count)), "records": .array(manifestRecords), "schema": schema,
                                 "hash": .string("SHA-256 over the canonical JSON (sorted keys) of each record's values")]),
            "records": .array(recordValues),
            "consents": .array(consents.map { .object(["purpose": .string($0.purpose), "grantedAt": Self.time($0.grantedAt),
                                                        "withdrawnAt": $0.withdrawnAt.map(Self.time) ?? .null, "noticeVersion": .string($0.noticeVersion ?? "")]) }),
        ])
    }

    /// The explanation of PIPL Art. 48 (and Art. 24 for automated decisions):
    /// for each purpose that processes the subject's data, its rules as the
    /// configuration declares them and its notice, in Chinese and English.
    func explanation(subjectID: String, requestID: String) async throws -> JSONValue {
        let (records, consents) = try await store.read { session in
            (try await session.recordSummaries(subjectID: subjectID), try await session.consents(subjectID: subjectID))
        }
        let held = Set(records.map(\.purpose))
        let consented = Set(consents.filter { $0.withdrawnAt == nil }.map(\.purpose))
        let purposes: [JSONValue] = held.union(consented).sorted().compactMap { id in
            guard let purpose = configuration.purposes[id] else { return nil }
            let roles = configuration.roles.values.filter { $0.purposes.contains(id) }.map(\.id).sorted()
            return .object([
                "purpose": .string(id),
                "title": .string(purpose.title),
                "description": .string(purpose.description),
                "legalBasis": .string(purpose.basis.rawValue),
                "legalBasisArticle": .string("PIPL " + purpose.basis.article),
                "why": .string(held.contains(id) ? "records are held for this purpose" : "you consented to this purpose"),
                "fields": .array(purpose.fields.map(JSONValue.string)),
                "maskedFields": .array(purpose.masked.map(JSONValue.string)),
                "sensitiveFields": .array(configuration.sensitiveFields(of: purpose).map(JSONValue.string)),
                "retention": .string(purpose.retention.description),
                "method": .string(purpose.method),
                "necessaryForService": .bool(purpose.necessary),
                "recipients": .array(purpose.recipients.map(JSONValue.string)),
                "disclosesPublicly": .bool(purpose.disclosesPublicly),
                "crossBorderMechanism": purpose.crossBorderMechanism.map(JSONValue.string) ?? .null,
                "rolesWithAccess": .array(roles.map(JSONValue.string)),
                "noticeVersion": .string(notices.versions[id] ?? ""),
                "notice": .object(["zh-CN": .string(notices.notice(for: id, language: .zh)?.text ?? ""), "en": .string(notices.notice(for: id, language: .en)?.text ?? "")]),
            ])
        }
        return .object([
            "format": .string("pivault-explanation/1"),
            "requestID": .string(requestID),
            "subject": .string(subjectID),
            "generatedAt": Self.time(clock.now()),
            "article": .string("PIPL Art. 48, 24"),
            "rules": .array([
                "Every read names a purpose; only roles granted that purpose may read, and only the fields it lists (PIPL Art. 6, 51).",
                "Values are encrypted per person; deleting a person destroys their key (PIPL Art. 47, 51).",
                "Records are deleted when their retention period ends (PIPL Art. 19).",
                "No purpose in this configuration declares automated decision-making; a decision made by automated means may be explained and refused on request (PIPL Art. 24).",
            ].map(JSONValue.string)),
            "purposes": .array(purposes),
        ])
    }
}

import Foundation
import PIVaultCore
import TransparencyLog

/// The access history section of the access report (PIPL Art. 45, with the
/// transparency log of Art. 7 and 44): every logged event about the subject,
/// each with its inclusion proof against the signed checkpoint the report
/// carries, so the subject can check offline (`pivault log verify`) that
/// what the report lists is what the public log holds.
struct AccessReportHistory {
    /// The JSON section: checkpoint, verifier key, commitment and the events with proofs.
    var section: JSONValue
    /// Summary lines in English.
    var english: [String]
    /// Summary lines in Chinese.
    var chinese: [String]

    init(_ history: AccessHistory) throws {
        var events: [JSONValue] = []
        var english: [String] = []
        var chinese: [String] = []
        for entry in history.entries {
            let event = entry.event
            let proof = try JSONDecoder().decode(JSONValue.self, from: Data(try entry.proof.json()))
            events.append(.object([
                "index": .number(Double(entry.index)),
                "type": .string(event.kind.rawValue),
                "time": .string(ISODate.formatDateTime(event.time)),
                "actor": .string(event.actor),
                "role": .string(event.role),
                "purpose": event.purpose.map(JSONValue.string) ?? .null,
                "fields": .array(event.fields.map(JSONValue.string)),
                "decision": .string(event.decision),
                "detail": event.detail.map(JSONValue.string) ?? .null,
                "proof": proof,
            ]))
            let time = ISODate.formatDateTime(event.time)
            let purpose = event.purpose.map { " for purpose '\($0)'" } ?? ""
            let fields = event.fields.isEmpty ? "" : "; fields: \(event.fields.joined(separator: ", "))"
            english.append("- #\(entry.index) \(time): \(event.kind.rawValue) by \(event.actor) (role \(event.role))\(purpose)\(fields); \(event.decision).")
            let zhPurpose = event.purpose.map { "，处理目的「\($0)」" } ?? ""
            let zhFields = event.fields.isEmpty ? "" : "，字段：\(event.fields.joined(separator: "、"))"
            chinese.append("- 第 \(entry.index) 条 \(time)：\(Self.chineseKind(event.kind))，操作者 \(event.actor)（角色 \(event.role)）\(zhPurpose)\(zhFields)；结果：\(Self.chineseDecision(event.decision))。")
        }
        let reads = history.entries.filter { $0.event.kind == .read }
        let denied = reads.filter { $0.event.decision == "deny" }.count
        let size = history.entries.first.map { $0.proof.treeSize } ?? 0
        self.english = ["Access history from the transparency log: \(history.entries.count) event(s), of which \(reads.count) read(s) (\(denied) denied); each carries an inclusion proof against the signed checkpoint included (log size \(size)), verifiable offline with `pivault log verify` and the key \(history.verifierKey)."] + english
        self.chinese = ["透明日志中的访问记录：共 \(history.entries.count) 条事件，其中读取 \(reads.count) 次（拒绝 \(denied) 次）；每条均附有针对所附签名检查点（日志大小 \(size)）的包含证明，可使用 `pivault log verify` 及公钥 \(history.verifierKey) 离线核验。"] + chinese
        section = .object([
            "checkpoint": .string(history.checkpoint),
            "verifierKey": .string(history.verifierKey),
            "commitment": .string(history.commitment),
            "article": .string("PIPL Art. 44, 45"),
            "events": .array(events),
        ])
    }

    static func chineseKind(_ kind: LogEvent.Kind) -> String {
        switch kind {
        case .collection: "收集"
        case .read: "读取"
        case .consentGrant: "同意"
        case .consentWithdrawal: "撤回同意"
        case .erasure: "删除个人信息"
        case .retentionDeletion: "到期或撤回同意后删除记录"
        case .deletion: "应请求删除记录"
        case .keyRotation: "密钥轮换"
        case .configurationChange: "配置变更"
        default: kind.rawValue
        }
    }

    static func chineseDecision(_ decision: String) -> String {
        switch decision {
        case "permit": "允许"
        case "partial": "部分允许"
        case "deny": "拒绝"
        case "recorded": "已记录"
        default: decision
        }
    }
}

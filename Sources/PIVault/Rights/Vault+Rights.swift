import Foundation
import Logging
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// The default time to answer a request, in days, when none is configured (PIPL Art. 50 asks for a timely answer).
    public static let defaultRequestDueDays = 15

    /// Files a rights request (PIPL Art. 44–50).
    ///
    /// Staff-filed requests start `received` and must be verified; a request
    /// filed with the subject's own token is verified by it and goes straight to
    /// `in_progress`. A token reaches only its own subject. A relative of a
    /// deceased subject (Art. 49) may ask for access, copy, correction or
    /// deletion only, with a reference to their proof, and not when the subject
    /// excluded it while alive. A correction is validated now, like a new
    /// collection, and its values are kept sealed under the subject's key.
    public func fileRequest(_ new: NewRightsRequest, by authority: RequestAuthority) async throws -> RightsRequest {
        let (actor, onlySubject) = try await resolve(authority)
        if let onlySubject, onlySubject != new.subjectID {
            throw VaultError(.denied, "a subject token reaches only its own subject's data and requests; file the request for that subject", article: "PIPL Art. 50")
        }
        let days = new.dueDays ?? Self.defaultRequestDueDays
        guard (1...365).contains(days) else { throw VaultError(.invalidInput, "the due period must be 1 to 365 days", article: "PIPL Art. 50") }
        guard let key = try await store.read({ try await $0.subjectKey(new.subjectID) }) else {
            throw VaultError(.notFound, "subject \(new.subjectID) does not exist; check the id")
        }
        if key.erasedAt != nil {
            throw VaultError(.erased, "subject \(new.subjectID) was already erased; nothing is held to act on", article: "PIPL Art. 47")
        }
        try await checkRequester(new, tokenUsed: onlySubject != nil)
        let now = clock.now()
        let requestID = Identifiers.random(prefix: "req")
        let payload = try await preparedPayload(new, requestID: requestID, now: now)
        let viaToken = onlySubject != nil
        let status: RightsRequest.Status = viaToken ? .inProgress : .received
        let row = RightsRequestRow(id: requestID, subjectID: new.subjectID, type: new.kind.rawValue, status: status.rawValue, requester: new.requester.rawValue,
                                   relativeReference: new.relativeReference, purpose: new.purpose, recordID: new.recordID, payload: payload,
                                   createdAt: now, dueAt: now.addingTimeInterval(Double(days) * 86_400), updatedAt: now, handler: viaToken ? nil : actor)
        try await store.write { session in
            try await session.insertRequest(row)
            try await session.insertRequestEvent(requestID: requestID, RequestEventRow(at: now, status: "received", actor: actor, note: new.kind.article))
            if viaToken {
                try await session.insertRequestEvent(requestID: requestID, RequestEventRow(at: now, status: "verifying", actor: actor, note: "identity proven by the subject's token"))
                try await session.insertRequestEvent(requestID: requestID, RequestEventRow(at: now, status: "in_progress", actor: actor, note: nil))
            }
        }
        logger.info("rights request filed", metadata: ["request": "\(requestID)", "subject": "\(new.subjectID)", "type": "\(new.kind.rawValue)"])
        return try await request(requestID, by: authority)
    }

    func checkRequester(_ new: NewRightsRequest, tokenUsed: Bool) async throws {
        switch new.requester {
        case .subject:
            if new.relativeReference != nil {
                throw VaultError(.invalidInput, "a relative reference belongs to a relative's request; file it with requester 'relative'", article: "PIPL Art. 49")
            }
        case .relative:
            if tokenUsed {
                throw VaultError(.denied, "a subject token is the subject's own; a relative's request is filed by staff after checking the proof", article: "PIPL Art. 49")
            }
            guard new.kind.openToRelatives else {
                throw VaultError(.denied, "a close relative may ask only for access, copy, correction or deletion, not \(new.kind.rawValue)", article: "PIPL Art. 49")
            }
            guard let reference = new.relativeReference, !reference.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw VaultError(.invalidInput, "a relative's request needs a reference to the proof of kinship and of the relative's own lawful interest", article: "PIPL Art. 49")
            }
            guard let deceased = try await store.read({ try await $0.deceased(subjectID: new.subjectID) }) else {
                throw VaultError(.denied, "subject \(new.subjectID) is not recorded as deceased; only the subject can exercise these rights (record a death with `pivault subject deceased`)", article: "PIPL Art. 49")
            }
            if deceased.relativesExcluded {
                throw VaultError(.denied, "the deceased subject arranged otherwise while alive, so relatives cannot exercise these rights", article: "PIPL Art. 49")
            }
        }
    }

    /// Records that a subject has died (by a reference to the proof), and whether they excluded relatives' rights while alive (PIPL Art. 49).
    public func recordDeath(subjectID: String, reference: String, relativesExcluded: Bool) async throws {
        guard !reference.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw VaultError(.invalidInput, "give a reference to the proof of death (a document number or case id, not a personal value)", article: "PIPL Art. 49")
        }
        _ = try await subjectDataKey(subjectID)
        let now = clock.now()
        try await store.write { try await $0.markDeceased(subjectID: subjectID, reference: reference, relativesExcluded: relativesExcluded, at: now) }
        logger.notice("subject recorded as deceased", metadata: ["subject": "\(subjectID)"])
    }

    /// A request as `authority` may see it: staff see any; a subject token only its own subject's.
    public func request(_ id: String, by authority: RequestAuthority) async throws -> RightsRequest {
        let (_, onlySubject) = try await resolve(authority)
        let (row, events) = try await store.read { session in (try await session.request(id), try await session.requestEvents(requestID: id)) }
        guard let row, onlySubject == nil || onlySubject == row.subjectID else {
            throw VaultError(.notFound, "request \(id) does not exist\(onlySubject == nil ? "" : " for this subject"); check the id")
        }
        return RightsRequest(row, history: events, now: clock.now())
    }

    /// Requests matching a status and, optionally, only overdue ones; a subject token sees only its own.
    public func requests(status: RightsRequest.Status? = nil, overdue: Bool = false, subjectID: String? = nil, by authority: RequestAuthority, limit: Int = 1000) async throws -> [RightsRequest] {
        let (_, onlySubject) = try await resolve(authority)
        if let onlySubject, let subjectID, subjectID != onlySubject {
            throw VaultError(.denied, "a subject token reaches only its own subject's requests", article: "PIPL Art. 50")
        }
        let now = clock.now()
        let rows = try await store.read { try await $0.requests(status: status?.rawValue, subjectID: onlySubject ?? subjectID, overdueAt: overdue ? now : nil, limit: limit) }
        return rows.map { RightsRequest($0, history: [], now: now) }
    }

    /// Starts verifying a staff-filed request (`received` → `verifying`).
    public func startVerification(_ id: String, handler: String, note: String? = nil) async throws -> RightsRequest {
        try await transition(id, from: .received, to: .verifying, handler: handler, note: note)
    }

    /// Confirms the requester's identity, or for a relative the proof of kinship and interest (`verifying` → `in_progress`).
    public func confirmVerification(_ id: String, handler: String, note: String? = nil) async throws -> RightsRequest {
        try await transition(id, from: .verifying, to: .inProgress, handler: handler, note: note)
    }

    func transition(_ id: String, from: RightsRequest.Status, to: RightsRequest.Status, handler: String, note: String?) async throws -> RightsRequest {
        let (actor, _) = try await resolve(.staff(handler))
        let now = clock.now()
        try await store.write { session in
            guard let row = try await session.request(id) else { throw VaultError(.notFound, "request \(id) does not exist; check the id") }
            guard row.status == from.rawValue else {
                throw VaultError(.conflict, "request \(id) is \(row.status), not \(from.rawValue); it cannot move to \(to.rawValue)")
            }
            try await session.updateRequest(id, status: to.rawValue, at: now, handler: actor)
            try await session.insertRequestEvent(requestID: id, RequestEventRow(at: now, status: to.rawValue, actor: actor, note: note))
        }
        return try await request(id, by: .staff(handler))
    }

    /// Refuses a request, with the reason and the rule it rests on (PIPL Art. 50); the requester gets a signed receipt saying so.
    public func refuseRequest(_ id: String, handler: String, reason: String, article: String) async throws -> RequestOutcome {
        let (actor, _) = try await resolve(.staff(handler))
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let article = article.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw VaultError(.invalidInput, "a refusal must state its reason; the requester is owed one", article: "PIPL Art. 50")
        }
        guard article.range(of: "Art", options: .caseInsensitive) != nil || article.contains("条") else {
            throw VaultError(.invalidInput, "a refusal must cite the rule it rests on, e.g. 'PIPL Art. 47(2)' or 'PIPL Art. 18'", article: "PIPL Art. 50")
        }
        let now = clock.now()
        let current = try await request(id, by: .staff(handler))
        guard !current.status.isFinal else { throw VaultError(.conflict, "request \(id) is already \(current.status.rawValue)") }
        let receipt = try SignedDocument.sign(requestReceipt(current, outcome: "refused", handler: actor, at: now, article: article,
                                                             actions: [], refusal: (reason, article), document: nil), with: signer)
        try await store.write { session in
            guard let row = try await session.request(id), !(RightsRequest.Status(rawValue: row.status)?.isFinal ?? true) else {
                throw VaultError(.conflict, "request \(id) was answered meanwhile")
            }
            try await session.updateRequest(id, status: "refused", at: now, handler: actor, refusalReason: reason, refusalArticle: article, receipt: receipt, dropPayload: true)
            try await session.insertRequestEvent(requestID: id, RequestEventRow(at: now, status: "refused", actor: actor, note: article))
        }
        logger.info("rights request refused", metadata: ["request": "\(id)", "article": "\(article)"])
        return RequestOutcome(request: try await request(id, by: .staff(handler)), receipt: receipt, document: nil)
    }

    /// Completes a request in progress: fulfils it as its right requires, then
    /// records it `completed` with a signed receipt (what was done, when, under which article).
    public func completeRequest(_ id: String, handler: String) async throws -> RequestOutcome {
        let (actor, _) = try await resolve(.staff(handler))
        let current = try await request(id, by: .staff(handler))
        guard current.status == .inProgress else {
            throw VaultError(.conflict, "request \(id) is \(current.status.rawValue); only a verified request in progress can be completed (verify it first)", article: "PIPL Art. 50")
        }
        guard let row = try await store.read({ try await $0.request(id) }) else { throw VaultError(.notFound, "request \(id) does not exist; check the id") }
        // A subject erased after the request was filed (by another request or staff) leaves nothing to act on:
        // say so rather than record a second, empty success; the request stays open to be refused.
        if try await store.read({ try await $0.subjectKey(row.subjectID) })?.erasedAt != nil {
            throw VaultError(.erased, "subject \(row.subjectID) was erased after request \(id) was filed, so nothing is held to act on; refuse the request citing 'PIPL Art. 47'", article: "PIPL Art. 47")
        }
        let fulfilment = try await fulfil(row, handler: actor)
        let now = clock.now()
        let article = current.requester == .relative ? current.kind.article + ", 49" : current.kind.article
        let receipt = try SignedDocument.sign(requestReceipt(current, outcome: "completed", handler: actor, at: now, article: article,
                                                             actions: fulfilment.actions, refusal: nil, document: fulfilment.document), with: signer)
        try await store.write { session in
            try await session.updateRequest(id, status: "completed", at: now, handler: actor, receipt: receipt, dropPayload: true)
            try await session.insertRequestEvent(requestID: id, RequestEventRow(at: now, status: "completed", actor: actor, note: article))
        }
        logger.info("rights request completed", metadata: ["request": "\(id)", "type": "\(current.kind.rawValue)"])
        return RequestOutcome(request: try await request(id, by: .staff(handler)), receipt: receipt, document: fulfilment.document)
    }

    /// The signed receipt's document: ids, times, the rule, the actions; never a personal value.
    func requestReceipt(_ request: RightsRequest, outcome: String, handler: String, at instant: Date, article: String, actions: [String],
                        refusal: (reason: String, article: String)?, document: String?) -> JSONValue {
        var fields: [String: JSONValue] = [
            "format": .string("pivault-rights-receipt/1"),
            "requestID": .string(request.id),
            "subject": .string(request.subjectID),
            "right": .string(request.kind.rawValue),
            "requester": .string(request.requester.rawValue),
            "outcome": .string(outcome),
            "handler": .string(handler),
            "controller": .string(configuration.handler.name),
            "receivedAt": .string(ISODate.formatDateTime(request.receivedAt)),
            "dueAt": .string(ISODate.formatDateTime(request.dueAt)),
            "decidedAt": .string(ISODate.formatDateTime(instant)),
            "answeredInTime": .bool(instant <= request.dueAt),
            "article": .string(article),
            "actions": .array(actions.map(JSONValue.string)),
            "publicKey": .string(signer.publicKeyBase64),
        ]
        if let refusal { fields["refusal"] = .object(["reason": .string(refusal.reason), "article": .string(refusal.article)]) }
        if let document { fields["documentSHA256"] = .string(Self.sha256Hex(Data(document.utf8))) }
        return .object(fields)
    }
}

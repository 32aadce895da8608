import Foundation
import Logging
import PIVaultCore

extension Vault {
    /// Gives a subject's data to a recipient for a purpose (PIPL Art. 21, 23,
    /// 38–39): the recipient must be registered and named by the purpose; an
    /// entrusted processor only within its contract period and permitted
    /// categories. Then it is a purpose-bound read — consent (separate where the
    /// law asks for it) and fields checked by the policy — logged as a transfer
    /// with the recipient and field paths.
    ///
    /// - Throws: ``VaultError`` `denied` with the article when the recipient is
    ///   refused or the policy denies the read; nothing is logged as a transfer then.
    public func transfer(_ request: TransferRequest) async throws -> TransferResult {
        try requireNotSuspended(request.actor)
        let recipient = try checkRecipient(request, at: clock.now())
        let result = try await read(request.accessRequest, recipient: recipient)
        if result.decision.outcome == .deny {
            let denial = result.decision.denials.first
            throw VaultError(.denied, "transfer to recipient '\(recipient.id)' refused: \(denial?.reason ?? "the policy denies every field asked for")",
                             fieldPath: denial?.field, article: denial?.article ?? recipient.articles)
        }
        logger.info("transfer", metadata: ["purpose": "\(request.purpose)", "recipient": "\(recipient.id)", "actor": "\(request.actor.id)",
                                           "fields": "\(result.decision.fieldsToDecrypt.joined(separator: ","))"])
        return TransferResult(recipient: recipient, access: result)
    }

    /// The registry's checks of a transfer (registered, named by the purpose,
    /// a processor's contract and categories), reading nothing; a batch runs them once first.
    ///
    /// - Throws: ``VaultError`` `denied` with the article.
    @discardableResult
    public func checkTransfer(_ request: TransferRequest) throws -> Recipient {
        try checkRecipient(request, at: clock.now())
    }

    /// The registry's checks of a transfer, before anything is read.
    func checkRecipient(_ request: TransferRequest, at now: Date) throws -> Recipient {
        guard let recipient = configuration.recipients[request.recipient] else {
            let known = configuration.recipients.keys.sorted()
            throw VaultError(.denied, "recipient '\(request.recipient)' is not registered; register it under 'recipients' in the configuration\(known.isEmpty ? "" : " or use one of \(known.joined(separator: ", "))")", article: "PIPL Art. 21, 23")
        }
        guard let purpose = configuration.purposes[request.purpose] else {
            throw VaultError(.denied, "purpose '\(request.purpose)' is not declared in the configuration", article: "PIPL Art. 6")
        }
        guard purpose.recipients.contains(recipient.id) else {
            throw VaultError(.denied, "purpose '\(purpose.id)' does not name recipient '\(recipient.id)', so its notice and consent do not cover giving data to it; \(purpose.recipients.isEmpty ? "the purpose names no recipient" : "it names \(purpose.recipients.joined(separator: ", "))")", article: recipient.kind == .processor ? "PIPL Art. 21" : "PIPL Art. 23")
        }
        if recipient.isAbroad, recipient.mechanism == nil {
            throw VaultError(.denied, "recipient '\(recipient.id)' is abroad and declares no transfer mechanism", article: "PIPL Art. 38")
        }
        guard recipient.kind == .processor else { return recipient }
        guard let contract = recipient.contract, contract.isInForce(at: now) else {
            let period = recipient.contract.map { "\(ISODate.formatDate($0.from)) to \($0.until.map(ISODate.formatDate) ?? "open")" } ?? "none"
            throw VaultError(.denied, "entrusted processor '\(recipient.id)' has no contract in force now (contract period \(period)); its access ended with its contract", article: "PIPL Art. 21")
        }
        if !contract.purposes.isEmpty, !contract.purposes.contains(purpose.id) {
            throw VaultError(.denied, "the contract of entrusted processor '\(recipient.id)' does not cover purpose '\(purpose.id)'", article: "PIPL Art. 21")
        }
        for field in request.fields ?? purpose.fields {
            guard purpose.fields.contains(field), let definition = configuration.field(field, for: purpose) else { continue }
            if !contract.categories.contains(definition.category) {
                throw VaultError(.denied, "field '\(field)' is of category '\(definition.category)', which the contract of entrusted processor '\(recipient.id)' does not permit (it permits \(contract.categories.joined(separator: ", "))); send only permitted fields with --fields", fieldPath: field, article: "PIPL Art. 21")
            }
        }
        return recipient
    }

    /// The recipients registry with each recipient's state now (PIPL Art. 21, 23, 38–39).
    public func recipients() -> [RecipientStatus] {
        let now = clock.now()
        return configuration.recipients.values.sorted { $0.id < $1.id }.map { recipient in
            RecipientStatus(recipient: recipient,
                            purposes: configuration.purposes.values.filter { $0.recipients.contains(recipient.id) }.map(\.id).sorted(),
                            contractInForce: recipient.contract.map { $0.isInForce(at: now) })
        }
    }
}

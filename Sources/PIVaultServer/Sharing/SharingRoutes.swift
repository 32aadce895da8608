import Foundation
import Hummingbird
import PIVault
import PIVaultCore
import PIVaultStore

/// `GET /v1/recipients` and `POST /v1/subjects/{subject}/transfers` (PIPL
/// Art. 21, 23, 38–39): the registry, and transfers — purpose-bound reads
/// whose output goes to a recipient, logged with the recipient and fields.
struct SharingRoutes: Sendable {
    let vault: Vault
    let json: StrictJSON
    let access: VaultRoutes

    func add(to group: RouterGroup<VaultRequestContext>) {
        group.get("recipients", use: list)
        group.post("subjects/:subject/transfers", use: transfer)
    }

    @Sendable func list(_ request: Request, context: VaultRequestContext) async throws -> RecipientList {
        _ = try context.requirePrincipal()
        return RecipientList(recipients: vault.recipients().map(RecipientView.init))
    }

    @Sendable func transfer(_ request: Request, context: VaultRequestContext) async throws -> EditedResponse<TransferResponse> {
        let principal = try context.requirePrincipal()
        let subject = try VaultRoutes.pathParameter("subject", context)
        let body = try await json.decode(TransferBody.self, from: request)
        try access.requirePurpose(body.purpose, principal)
        let result = try await vault.transfer(TransferRequest(actor: principal.actor, subjectID: subject, purpose: body.purpose,
                                                             recipient: body.recipient, fields: body.fields))
        access.metrics.recordDecision(outcome: result.access.decision.outcome.rawValue)
        let status = vault.recipients().first { $0.recipient.id == result.recipient.id }
        return EditedResponse(status: .created, response: TransferResponse(
            recipient: status.map(RecipientView.init), logIndex: result.access.logIndex,
            data: AccessResponse(subject: subject, purpose: body.purpose, result: result.access)))
    }
}

/// `POST /v1/subjects/{subject}/transfers`.
struct TransferBody: StrictDecodable {
    static let members: Set<String> = ["purpose", "recipient", "fields"]
    var purpose: String
    var recipient: String
    var fields: [String]?
}

/// The registry as served.
struct RecipientList: ResponseEncodable, Sendable {
    var recipients: [RecipientView]
}

/// One recipient as served.
struct RecipientView: Codable, Sendable {
    var id: String
    var name: String
    var kind: String
    var contact: String?
    var country: String?
    var mechanism: String?
    var rightsContact: String?
    var contractFrom: String?
    var contractUntil: String?
    var contractInForce: Bool?
    var permittedCategories: [String]?
    var purposes: [String]
    var articles: String

    init(_ status: RecipientStatus) {
        let recipient = status.recipient
        id = recipient.id
        name = recipient.name
        kind = recipient.kind.rawValue
        contact = recipient.contact
        country = recipient.isAbroad ? recipient.country : nil
        mechanism = recipient.isAbroad ? recipient.mechanism?.rawValue : nil
        rightsContact = recipient.rightsContact
        contractFrom = recipient.contract.map { ISODate.formatDate($0.from) }
        contractUntil = recipient.contract?.until.map(ISODate.formatDate)
        contractInForce = status.contractInForce
        permittedCategories = recipient.contract?.categories
        purposes = status.purposes
        articles = recipient.articles
    }
}

/// A transfer as served: the recipient and the data sent, with its log index.
struct TransferResponse: ResponseEncodable, Sendable {
    var recipient: RecipientView?
    var logIndex: UInt64?
    var data: AccessResponse
}

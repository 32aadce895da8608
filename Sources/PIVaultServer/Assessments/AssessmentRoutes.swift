import Foundation
import Hummingbird
import PIVault
import PIVaultCore
import PIVaultStore

/// `/v1/assessments` (PIPL Art. 55–56): record impact assessments, list them
/// with each purpose's status, export them signed. For administrators and the
/// protection officer only.
struct AssessmentRoutes: Sendable {
    let vault: Vault
    let json: StrictJSON

    func add(to group: RouterGroup<VaultRequestContext>) {
        group.get("assessments", use: list)
        group.post("assessments", use: create)
        group.get("assessments/export", use: export)
    }

    @Sendable func list(_ request: Request, context: VaultRequestContext) async throws -> AssessmentList {
        _ = try OversightRoles.require(context, to: "list impact assessments")
        return AssessmentList(assessments: try await vault.assessments().map(AssessmentView.init), purposes: try await vault.assessmentStatus())
    }

    @Sendable func create(_ request: Request, context: VaultRequestContext) async throws -> EditedResponse<AssessmentView> {
        let principal = try OversightRoles.require(context, to: "record an impact assessment")
        let body = try await json.decode(AssessmentBody.self, from: request)
        guard let conclusion = AssessmentConclusion(rawValue: body.conclusion) else {
            throw Problem.malformed("member 'conclusion' must be one of \(AssessmentConclusion.allCases.map(\.rawValue).joined(separator: ", "))", field: "conclusion")
        }
        let draft = AssessmentDraft(purpose: body.purpose, processing: body.processing, risks: body.risks, measures: body.measures,
                                    conclusion: conclusion, assessor: body.assessor, assessedOn: body.assessedOn)
        let row = try await vault.recordAssessment(draft, by: principal.tokenID)
        return EditedResponse(status: .created, response: AssessmentView(row))
    }

    @Sendable func export(_ request: Request, context: VaultRequestContext) async throws -> Response {
        _ = try OversightRoles.require(context, to: "export impact assessments")
        let document = try await vault.exportAssessments()
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: document)))
    }
}

/// `POST /v1/assessments`.
struct AssessmentBody: StrictDecodable {
    static let members: Set<String> = ["purpose", "processing", "risks", "measures", "conclusion", "assessor", "assessedOn"]
    var purpose: String
    var processing: String
    var risks: String
    var measures: String
    var conclusion: String
    var assessor: String
    var assessedOn: String?
}

/// One assessment as the API shows it.
struct AssessmentView: ResponseEncodable, Sendable {
    var id: String
    var purpose: String
    var definitionVersion: String
    var processing: String
    var risks: String
    var measures: String
    var conclusion: String
    var assessor: String
    var assessedOn: String
    var recordedAt: String
    var keepUntil: String

    init(_ row: AssessmentRow) {
        id = row.id
        purpose = row.purpose
        definitionVersion = row.definitionVersion
        processing = row.processing
        risks = row.risks
        measures = row.measures
        conclusion = row.conclusion.rawValue
        assessor = row.assessor
        assessedOn = row.assessedOn
        recordedAt = ISODate.formatDateTime(row.recordedAt)
        keepUntil = ISODate.formatDateTime(row.keepUntil)
    }
}

/// `GET /v1/assessments`.
struct AssessmentList: ResponseEncodable, Sendable {
    var assessments: [AssessmentView]
    var purposes: [AssessmentStatus]
}

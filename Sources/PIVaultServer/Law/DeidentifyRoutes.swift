import Deidentify
import Foundation
import Hummingbird
import PIVaultCore

/// `POST /v1/deidentify/text`: finds Chinese personal information in a text
/// and returns it masked, redacted, tagged or generalised, with the spans
/// found and whether the output is still personal information (PIPL Art. 73).
struct DeidentifyRoutes: Sendable {
    let json: StrictJSON

    func add(to group: RouterGroup<VaultRequestContext>) {
        group.post("deidentify/text", use: deidentify)
    }

    @Sendable func deidentify(_ request: Request, context: VaultRequestContext) async throws -> DeidentifyResponse {
        _ = try context.requirePrincipal()
        let body = try await json.decode(DeidentifyBody.self, from: request)
        let chosen: PIIOperator
        switch body.operator ?? "mask" {
        case "mask": chosen = .mask()
        case "redact": chosen = .redact
        case "tag": chosen = .tag
        case "generalise": chosen = .generalise()
        default: throw Problem.invalidParameter("operator", "operator must be mask, redact, tag or generalise")
        }
        let result = PIIRedactor(operator: chosen).redact(body.text)
        let personal = chosen.outputIsPseudonymised
        return DeidentifyResponse(
            text: result.text,
            spans: result.spans.map { .init(start: $0.start, end: $0.end, type: $0.type.rawValue, confidence: $0.confidence) },
            personalInformation: personal,
            statement: personal
                ? "masked or generalised values can still identify a person with other information: the output is de-identified personal information (PIPL Art. 73(3))"
                : "the detected values were removed or replaced by their type; undetected personal information may remain, so treat the output as de-identified (PIPL Art. 73(3))")
    }
}

/// The request body.
struct DeidentifyBody: StrictDecodable {
    static let members: Set<String> = ["text", "operator"]
    var text: String
    var `operator`: String?
}

/// The response body.
struct DeidentifyResponse: ResponseEncodable, Sendable {
    struct Span: Codable, Sendable {
        var start: Int
        var end: Int
        var type: String
        var confidence: Double
    }
    var text: String
    var spans: [Span]
    var personalInformation: Bool
    var statement: String
}

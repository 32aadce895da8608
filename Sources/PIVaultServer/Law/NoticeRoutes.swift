import Foundation
import Hummingbird
import PIVault
import PIVaultCore

/// `GET /v1/notices/{purpose}`: a purpose's notice (PIPL Art. 17) in Chinese
/// or English with its version. Public: anyone about to consent must be able
/// to read what they consent to, so no token is needed.
struct NoticeRoutes: Sendable {
    let vault: Vault

    func add(to router: Router<VaultRequestContext>) {
        router.get("v1/notices/:purpose", use: notice)
    }

    @Sendable func notice(_ request: Request, context: VaultRequestContext) async throws -> NoticeResponse {
        let purpose = try context.parameters.require("purpose")
        let text = request.uri.queryParameters.get("lang") ?? "zh"
        guard let language = NoticeLanguage(rawValue: text) else {
            throw Problem.invalidParameter("lang", "lang must be zh or en")
        }
        guard let notice = vault.notices.notice(for: purpose, language: language) else {
            throw VaultError(.notFound, "purpose '\(purpose)' is not declared; see GET /v1/configuration/purposes")
        }
        return NoticeResponse(purpose: notice.purpose, version: notice.version, language: notice.language.rawValue, text: notice.text,
                              separateConsent: notice.content.separateConsent, necessary: notice.content.necessary)
    }
}

/// A notice as served.
struct NoticeResponse: ResponseEncodable, Sendable {
    var purpose: String
    var version: String
    var language: String
    var text: String
    var separateConsent: Bool
    var necessary: Bool
}

import HTTPTypes
import PIVaultCore
import PIVaultStore

extension Problem {
    /// The problem for a domain error. Codes map to statuses: invalid input
    /// 400, denied by law or configuration 403, not found 404, erased 410
    /// (PIPL Art. 47), conflict 409, storage unavailable 503; the rest 500.
    public init(_ error: VaultError) {
        let kind = Self.kebab(error.code.description)
        switch error.code {
        case .invalidInput:
            self.init(.badRequest, kind: kind, title: "The input does not satisfy a rule", detail: error.message, field: error.fieldPath, article: error.article)
        case .denied:
            self.init(.forbidden, kind: kind, title: "The law or the configuration forbids this", detail: error.message, field: error.fieldPath, article: error.article)
        case .notFound:
            self.init(.notFound, kind: kind, title: "Not found", detail: error.message, field: error.fieldPath, article: error.article)
        case .erased:
            self.init(.gone, kind: kind, title: "The subject was erased", detail: error.message, field: error.fieldPath, article: error.article ?? "PIPL Art. 47")
        case .conflict, .unsupported:
            self.init(.conflict, kind: kind, title: "The operation conflicts with the vault's state", detail: error.message, field: error.fieldPath, article: error.article)
        case .storageUnavailable:
            self = .unavailable(error.message)
        default:
            self.init(.internalServerError, kind: kind, title: "The vault cannot complete this", detail: error.message, field: error.fieldPath, article: error.article)
        }
    }

    /// The problem for a storage error: unavailable or locked databases are
    /// 503 with `Retry-After`; the rest is internal and not described to the client.
    public init(_ error: StoreError) {
        switch error.code {
        case .unavailable, .locked:
            self = .unavailable("the database is unavailable or busy; retry shortly")
        case .notFound:
            self.init(.notFound, kind: "not-found", title: "Not found", detail: "the thing named does not exist")
        default:
            self = .internalError()
        }
    }

    static func kebab(_ camel: String) -> String {
        var out = ""
        for character in camel {
            if character.isUppercase { out += "-" + character.lowercased() } else { out.append(character) }
        }
        return out
    }
}

import Hummingbird
import PIVaultCore

/// Who may oversee processing: administrators and the protection officer or auditors (PIPL Art. 52, 54).
enum OversightRoles {
    static func require(_ context: VaultRequestContext, to action: String) throws -> Principal {
        let principal = try context.requirePrincipal()
        guard principal.role.administrator || principal.role.officer else {
            throw Problem.forbidden("only an administrator or the protection officer's role may \(action); role '\(principal.role.id)' is neither", article: "PIPL Art. 51, 52")
        }
        return principal
    }
}

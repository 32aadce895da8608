import Crypto
import Foundation
import Logging
import Synchronization
import HealthCode
import PIVaultCore
import PIVaultCrypto
import PIVaultStore

extension Vault {
    /// The owner string the issuer key is wrapped for, so a wrapped key
    /// cannot be moved to another issuer or to another kind of key.
    static func healthCodeKeyOwner(_ issuerID: String) -> String { "vault-healthcode-issuer:\(issuerID)" }

    /// Creates a new health-code issuer: a P-256 key, wrapped under the
    /// master key, and a self-signed document-signer certificate. The newest
    /// issuer signs from now on; older certificates stay in the trust list
    /// so codes they signed keep verifying until they expire.
    ///
    /// - Parameters:
    ///   - name: the issuing authority (an organisation, never a person).
    ///   - validity: the certificate's lifetime in seconds (default two years).
    public func createHealthCodeIssuer(name: String, validity: Int64 = 730 * 86_400) async throws -> HealthCodeIssuerInfo {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 64 else {
            throw VaultError(.invalidInput, "the issuer name must be 1 to 64 characters (the authority's name, e.g. \"Wuhan Health Commission\")", fieldPath: "issuer")
        }
        guard (86_400...(100 * 365 * 86_400)).contains(validity) else {
            throw VaultError(.invalidInput, "the certificate lifetime must be between one day and 100 years", fieldPath: "days")
        }
        let now = clock.now()
        let issuer: HealthCodeIssuer
        do {
            issuer = try HealthCodeIssuer.generate(name: trimmed, now: Int64(now.timeIntervalSince1970.rounded(.down)), validity: validity)
        } catch let error as HealthCodeError {
            throw VaultError(.invalidInput, "the issuer could not be created: \(error.message)", fieldPath: "issuer")
        }
        let id = Identifiers.random(prefix: "hci")
        let wrapped = try keyring.wrapSecret(issuer.signingKey.rawRepresentation, for: Self.healthCodeKeyOwner(id))
        let row = HealthCodeIssuerRow(id: id, name: trimmed, certificatePEM: issuer.certificatePEM, keyVersion: wrapped.version, wrappedKey: wrapped.sealed, createdAt: now)
        try await store.write { try await $0.insertHealthCodeIssuer(row) }
        healthCodeIssuerCache.withLock { $0 = LoadedHealthCodeIssuer(id: id, issuer: issuer) }
        logger.notice("health-code issuer created", metadata: ["issuer": "\(id)", "kid": "\(Hex.encode(issuer.signer.keyID))"])
        return Self.info(id: id, issuer: issuer)
    }

    /// The trust list verifiers need: every issuer certificate still valid now.
    public func healthCodeTrustList() async throws -> TrustList {
        let now = Int64(clock.now().timeIntervalSince1970)
        let rows = try await store.read { try await $0.healthCodeIssuers() }
        guard !rows.isEmpty else { throw Self.noIssuer }
        var list = TrustList()
        for row in rows {
            for signer in try Self.trustList(row).signers where signer.notAfter >= now { list.add(signer) }
        }
        return list
    }

    /// Every issuer, oldest first; nothing secret.
    public func healthCodeIssuers() async throws -> [HealthCodeIssuerInfo] {
        try await store.read { try await $0.healthCodeIssuers() }.map { row in
            guard let signer = try Self.trustList(row).signers.first else { throw Self.corruptIssuer(row.id) }
            return HealthCodeIssuerInfo(id: row.id, name: row.name, keyID: Hex.encode(signer.keyID),
                                        notBefore: Date(timeIntervalSince1970: TimeInterval(signer.notBefore)),
                                        notAfter: Date(timeIntervalSince1970: TimeInterval(signer.notAfter)))
        }
    }

    /// The issuer that signs now, from the cache when it is still the newest.
    func currentHealthCodeIssuer(newest row: HealthCodeIssuerRow?) throws -> LoadedHealthCodeIssuer {
        guard let row else { throw Self.noIssuer }
        if let cached = healthCodeIssuerCache.withLock({ $0 }), cached.id == row.id { return cached }
        let secret: Data
        do {
            secret = try keyring.unwrapSecret(WrappedKey(version: row.keyVersion, sealed: row.wrappedKey), for: Self.healthCodeKeyOwner(row.id))
        } catch {
            throw VaultError(.keyMismatch, "the health-code issuer key is wrapped under master key version \(row.keyVersion), which is not loaded or does not match; supply that key", article: nil)
        }
        guard let signer = try Self.trustList(row).signers.first,
            let key = try? P256.Signing.PrivateKey(rawRepresentation: secret),
            let issuer = try? HealthCodeIssuer(name: row.name, signingKey: key, signer: signer)
        else { throw Self.corruptIssuer(row.id) }
        let loaded = LoadedHealthCodeIssuer(id: row.id, issuer: issuer)
        healthCodeIssuerCache.withLock { $0 = loaded }
        return loaded
    }

    /// Re-wraps issuer keys not under the active master-key version (key rotation).
    func rewrapHealthCodeIssuers(session: StoreSession, ring: Keyring) async throws {
        for row in try await session.healthCodeIssuers() where row.keyVersion != ring.activeVersion {
            let wrapped = try ring.rewrap(WrappedKey(version: row.keyVersion, sealed: row.wrappedKey), for: Self.healthCodeKeyOwner(row.id))
            try await session.replaceHealthCodeIssuerKey(row.id, from: row.keyVersion, to: wrapped.version, wrappedKey: wrapped.sealed)
        }
    }

    /// Whether any issuer key is still wrapped under `version`.
    func healthCodeIssuersWrapped(under version: Int) async throws -> Bool {
        try await store.read { try await $0.healthCodeIssuers() }.contains { $0.keyVersion == version }
    }

    static func trustList(_ row: HealthCodeIssuerRow) throws -> TrustList {
        do {
            return try TrustList(pemEncoded: row.certificatePEM)
        } catch {
            throw corruptIssuer(row.id)
        }
    }

    static func info(id: String, issuer: HealthCodeIssuer) -> HealthCodeIssuerInfo {
        HealthCodeIssuerInfo(id: id, name: issuer.name, keyID: Hex.encode(issuer.signer.keyID),
                             notBefore: Date(timeIntervalSince1970: TimeInterval(issuer.signer.notBefore)),
                             notAfter: Date(timeIntervalSince1970: TimeInterval(issuer.signer.notAfter)))
    }

    static let noIssuer = VaultError(.notFound, "this vault has no health-code issuer yet; create one with `pivault healthcode keys init --issuer NAME`")

    static func corruptIssuer(_ id: String) -> VaultError {
        VaultError(.integrity, "the stored certificate or key of health-code issuer \(id) cannot be read; create a new issuer with `pivault healthcode keys init`")
    }
}

import SwiftASN1
import X509

/// The document-signer certificates a verifier trusts, indexed by key id.
///
/// Several certificates may share a key id (an 8-byte hash prefix can
/// collide, and a re-issued certificate can carry the same key); lookups
/// return all of them and the verifier tries each.
public struct TrustList: Sendable {
    /// The trusted signers in insertion order.
    public private(set) var signers: [DocumentSigner]
    private var index: [[UInt8]: [Int]]

    /// Creates a trust list.
    public init(_ signers: [DocumentSigner] = []) {
        self.signers = []
        self.index = [:]
        for signer in signers { add(signer) }
    }

    /// Adds a signer; adding the same certificate twice has no effect.
    public mutating func add(_ signer: DocumentSigner) {
        guard !signers.contains(signer) else { return }
        index[signer.keyID, default: []].append(signers.count)
        signers.append(signer)
    }

    /// Every signer whose key id equals `keyID`.
    public func signers(forKeyID keyID: [UInt8]) -> [DocumentSigner] {
        index[keyID]?.map { signers[$0] } ?? []
    }

    /// Reads a PEM bundle of `CERTIFICATE` blocks.
    ///
    /// - Throws: `invalidCertificate` for a malformed block or an unsupported key.
    public init(pemEncoded text: String) throws {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: text)
        } catch {
            throw HealthCodeError(.invalidCertificate, "trust list is not a PEM bundle of certificates (\(error))")
        }
        var list = TrustList()
        for document in documents where document.discriminator == "CERTIFICATE" {
            list.add(try DocumentSigner(derEncoded: document.derBytes))
        }
        self = list
    }

    /// The trust list as a PEM bundle, one `CERTIFICATE` block per signer.
    public func pemEncoded() -> String {
        signers.map { PEMDocument(type: "CERTIFICATE", derBytes: $0.derBytes).pemString + "\n" }.joined()
    }
}

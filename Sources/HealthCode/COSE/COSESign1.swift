/// A COSE_Sign1 message (RFC 9052 §4.2).
///
/// The protected header is kept as the exact bytes received, because the
/// signature covers those bytes and not any re-encoding of them (§4.4).
public struct COSESign1: Sendable, Hashable {
    /// The CBOR tag of COSE_Sign1.
    public static let tag: UInt64 = 18
    /// The CBOR tag of a CWT (RFC 8392 §6), allowed around tag 18.
    public static let cwtTag: UInt64 = 61

    /// The serialized protected header exactly as received.
    public var protectedBytes: [UInt8]
    /// The decoded protected header map (empty when `protectedBytes` is empty).
    public var protectedHeader: CBOR
    /// The unprotected header map.
    public var unprotectedHeader: CBOR
    /// The payload bytes.
    public var payload: [UInt8]
    /// The signature bytes.
    public var signature: [UInt8]

    /// Creates a message from its parts.
    public init(protectedBytes: [UInt8], protectedHeader: CBOR, unprotectedHeader: CBOR, payload: [UInt8], signature: [UInt8]) {
        self.protectedBytes = protectedBytes
        self.protectedHeader = protectedHeader
        self.unprotectedHeader = unprotectedHeader
        self.payload = payload
        self.signature = signature
    }

    /// Decodes a message that is tagged 18, untagged, or tagged 61 around 18.
    ///
    /// - Throws: `malformedCOSE` for any other shape, `malformedCBOR` or
    ///   `limitExceeded` from the CBOR layer.
    public init(decoding bytes: [UInt8], decoder: CBORDecoder = CBORDecoder()) throws {
        var item = try decoder.decode(bytes)
        if case .tagged(Self.cwtTag, let inner) = item { item = inner }
        if case .tagged(Self.tag, let inner) = item { item = inner }
        if case .tagged(let other, _) = item {
            throw HealthCodeError(.malformedCOSE, "CBOR tag \(other) is not COSE_Sign1 (18) or CWT (61); the message is another COSE type")
        }
        guard case .array(let parts) = item, parts.count == 4 else {
            throw HealthCodeError(.malformedCOSE, "COSE_Sign1 must be an array of 4 items")
        }
        guard case .bytes(let protectedBytes) = parts[0] else {
            throw HealthCodeError(.malformedCOSE, "COSE_Sign1 protected header must be a byte string")
        }
        let protectedHeader: CBOR
        if protectedBytes.isEmpty {
            protectedHeader = .map([])
        } else {
            protectedHeader = try decoder.decode(protectedBytes)
        }
        guard case .map = protectedHeader else {
            throw HealthCodeError(.malformedCOSE, "COSE_Sign1 protected header is not a map")
        }
        guard case .map = parts[1] else {
            throw HealthCodeError(.malformedCOSE, "COSE_Sign1 unprotected header must be a map")
        }
        // RFC 9052 §3: a label appearing twice in one header makes the message malformed.
        guard !protectedHeader.hasDuplicateKeys, !parts[1].hasDuplicateKeys else {
            throw HealthCodeError(.malformedCOSE, "COSE_Sign1 header repeats a label; the message is malformed")
        }
        guard case .bytes(let payload) = parts[2] else {
            throw HealthCodeError(.malformedCOSE, "COSE_Sign1 payload must be an attached byte string")
        }
        guard case .bytes(let signature) = parts[3] else {
            throw HealthCodeError(.malformedCOSE, "COSE_Sign1 signature must be a byte string")
        }
        self.init(protectedBytes: protectedBytes, protectedHeader: protectedHeader, unprotectedHeader: parts[1], payload: payload, signature: signature)
    }

    /// The algorithm, from the protected header or else the unprotected one.
    ///
    /// - Throws: `unsupportedAlgorithm` when it is absent or not an integer.
    public func algorithm() throws -> COSEAlgorithm {
        guard let value = protectedHeader[int: COSEHeaderLabel.algorithm] ?? unprotectedHeader[int: COSEHeaderLabel.algorithm] else {
            throw HealthCodeError(.unsupportedAlgorithm, "COSE_Sign1 has no alg header")
        }
        guard let id = value.int64 else {
            throw HealthCodeError(.unsupportedAlgorithm, "COSE_Sign1 alg is not an integer identifier")
        }
        return COSEAlgorithm(identifier: id)
    }

    /// The key id from the protected header, else from the unprotected one.
    public var keyID: [UInt8]? {
        if let kid = protectedHeader[int: COSEHeaderLabel.keyID] { return kid.bytes }
        return unprotectedHeader[int: COSEHeaderLabel.keyID]?.bytes
    }

    /// The Sig_structure bytes the signature covers (RFC 9052 §4.4).
    public func toBeSigned(externalAAD: [UInt8] = []) -> [UInt8] {
        Self.sigStructure(protectedBytes: protectedBytes, externalAAD: externalAAD, payload: payload)
    }

    static func sigStructure(protectedBytes: [UInt8], externalAAD: [UInt8], payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x84, 0x6a]
        out.reserveCapacity(protectedBytes.count + externalAAD.count + payload.count + 32)
        out.append(contentsOf: "Signature1".utf8)
        CBOREncoder.appendHead(2, UInt64(protectedBytes.count), to: &out)
        out.append(contentsOf: protectedBytes)
        CBOREncoder.appendHead(2, UInt64(externalAAD.count), to: &out)
        out.append(contentsOf: externalAAD)
        CBOREncoder.appendHead(2, UInt64(payload.count), to: &out)
        out.append(contentsOf: payload)
        return out
    }

    /// Verifies the signature with `key`.
    ///
    /// - Throws: `unsupportedAlgorithm`, `keyMismatch` or `invalidSignature`.
    public func verify(with key: COSEVerificationKey, externalAAD: [UInt8] = []) throws {
        let algorithm = try algorithm()
        do {
            try key.verify(signature: signature, over: toBeSigned(externalAAD: externalAAD), algorithm: algorithm)
        } catch let error as HealthCodeError where error.code == .invalidSignature && protectedHeader == .map([]) && !protectedBytes.isEmpty {
            // RFC 8152 §4.4: with no protected attributes the Sig_structure carries a
            // zero-length bstr, so an explicit empty map (h'a0') may have been signed
            // as h''. Nothing is protected either way, so this opens no forgery.
            let fallback = Self.sigStructure(protectedBytes: [], externalAAD: externalAAD, payload: payload)
            try key.verify(signature: signature, over: fallback, algorithm: algorithm)
        }
    }

    /// The message as tagged CBOR (`18([...])`).
    public func encoded() -> [UInt8] {
        var out: [UInt8] = [0xd2, 0x84]
        CBOREncoder.append(.bytes(protectedBytes), to: &out)
        CBOREncoder.append(unprotectedHeader, to: &out)
        CBOREncoder.append(.bytes(payload), to: &out)
        CBOREncoder.append(.bytes(signature), to: &out)
        return out
    }
}

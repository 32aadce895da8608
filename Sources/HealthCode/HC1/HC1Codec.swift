/// The "HC1:" transport: prefix, Base45, then zlib around a COSE message.
///
/// Encoding is `"HC1:" + Base45(zlib(COSE))` (EU DCC technical
/// specification §2–§3). Decoding unwraps the layers one by one and names the
/// layer that failed, so a checkpoint can tell a mistyped code from a forgery.
public struct HC1Codec: Sendable {
    /// The context prefix of version-1 health certificates.
    public static let prefix = "HC1:"

    /// The limits in force.
    public var limits: HC1Limits
    /// Whether a payload without zlib framing is refused.
    ///
    /// The EU format requires compression and the DCC test vector Z2 expects
    /// an uncompressed payload to be rejected, so this is `true` by default;
    /// set it to `false` only to read legacy producers that skipped zlib.
    public var requiresCompression: Bool

    /// Creates a codec.
    public init(limits: HC1Limits = HC1Limits(), requiresCompression: Bool = true) {
        self.limits = limits
        self.requiresCompression = requiresCompression
    }

    /// Wraps a serialized COSE message as an "HC1:" string.
    public func encode(cose: [UInt8]) throws -> String {
        HC1Codec.prefix + Base45.encode(try Zlib.compress(cose))
    }

    /// Removes the "HC1:" prefix.
    ///
    /// - Throws: a failure at step `.prefix` for a missing or different context.
    public func unprefix(_ text: String) throws(VerificationFailure) -> Substring {
        guard text.utf8.count <= limits.maxTextLength else {
            throw VerificationFailure(.size, .limitExceeded, "input of \(text.utf8.count) bytes exceeds the \(limits.maxTextLength)-byte limit")
        }
        guard text.hasPrefix(HC1Codec.prefix) else {
            let shown = text.prefix(4).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ":") } ? String(text.prefix(4)) : "(non-alphanumeric)"
            throw VerificationFailure(.prefix, .invalidPrefix, "context prefix \(shown) is not \(HC1Codec.prefix); only version-1 health certificates are supported")
        }
        return text.dropFirst(HC1Codec.prefix.count)
    }

    /// Unwraps an "HC1:" string down to the serialized COSE message.
    ///
    /// - Throws: a ``VerificationFailure`` naming the step that failed.
    public func decodeCOSEBytes(_ text: String) throws(VerificationFailure) -> [UInt8] {
        let body = try unprefix(text)
        let compressed: [UInt8]
        do {
            compressed = try Base45.decode(body)
        } catch {
            throw VerificationFailure(.base45, error)
        }
        return try inflate(compressed)
    }

    /// Inflates the zlib layer, honouring ``requiresCompression``.
    public func inflate(_ compressed: [UInt8]) throws(VerificationFailure) -> [UInt8] {
        if !requiresCompression && !Zlib.hasHeader(compressed) {
            guard compressed.count <= limits.maxDecompressedBytes else {
                throw VerificationFailure(.decompression, .limitExceeded, "uncompressed payload exceeds the \(limits.maxDecompressedBytes)-byte limit")
            }
            return compressed
        }
        do {
            return try Zlib.decompress(compressed, maxOutputBytes: limits.maxDecompressedBytes)
        } catch {
            throw VerificationFailure(.decompression, error)
        }
    }

    /// Unwraps an "HC1:" string into its COSE message and CWT claims, without verifying.
    public func decode(_ text: String) throws(VerificationFailure) -> (message: COSESign1, claims: CWTClaims) {
        let bytes = try decodeCOSEBytes(text)
        return try decode(cose: bytes)
    }

    /// Parses a serialized COSE message and its CWT claims, without verifying.
    public func decode(cose bytes: [UInt8]) throws(VerificationFailure) -> (message: COSESign1, claims: CWTClaims) {
        let decoder = CBORDecoder(limits: limits.cbor)
        let message: COSESign1
        do {
            message = try COSESign1(decoding: bytes, decoder: decoder)
        } catch {
            throw VerificationFailure(.cose, error)
        }
        do {
            return (message, try CWTClaims(decoding: message.payload, decoder: decoder))
        } catch {
            throw VerificationFailure(.claims, error)
        }
    }
}

/// Size limits applied before and during decoding of an "HC1:" string.
///
/// The defaults sit well above real certificates (a QR code holds at most
/// 4,296 alphanumeric characters) yet keep hostile input from costing more
/// than a few kilobytes of work.
public struct HC1Limits: Sendable, Hashable {
    /// The longest accepted text, prefix included.
    public var maxTextLength: Int
    /// The largest accepted inflated COSE message.
    public var maxDecompressedBytes: Int
    /// CBOR limits for the COSE message and the claims.
    public var cbor: CBORDecoder.Limits

    /// Creates limits.
    public init(maxTextLength: Int = 8192, maxDecompressedBytes: Int = 64 * 1024, cbor: CBORDecoder.Limits = CBORDecoder.Limits(maxDepth: 32, maxInputBytes: 64 * 1024)) {
        self.maxTextLength = maxTextLength
        self.maxDecompressedBytes = maxDecompressedBytes
        self.cbor = cbor
    }
}

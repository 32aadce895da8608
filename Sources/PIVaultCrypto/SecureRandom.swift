import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cryptographically secure random bytes from the operating system, drawn a
/// block at a time.
///
/// Collecting one record takes a dozen small draws (a nonce per sealed
/// field, a data key, its wrapping nonce, identifiers, a log salt); a system
/// call for each cost more than the encryption itself. Bytes handed out are
/// wiped from the block, so none is ever given twice or left behind.
public enum SecureRandom {
    private static let pool = Mutex(Block())

    /// `@unchecked Sendable`: its buffer is only touched inside the mutex.
    private struct Block: ~Copyable, @unchecked Sendable {
        static let size = 4096
        let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: Block.size, alignment: 16)
        var offset = Block.size

        mutating func take(into target: UnsafeMutableRawBufferPointer) {
            var written = 0
            while written < target.count {
                if offset == Block.size { refill() }
                let count = min(target.count - written, Block.size - offset)
                let source = UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<offset + count])
                UnsafeMutableRawBufferPointer(rebasing: target[written..<written + count]).copyMemory(from: UnsafeRawBufferPointer(source))
                source.initializeMemory(as: UInt8.self, repeating: 0)
                offset += count
                written += count
            }
        }

        /// Draws from the operating system's generator: `getentropy`, 256 bytes a call.
        private mutating func refill() {
            for start in stride(from: 0, to: Block.size, by: 256) {
                guard getentropy(bytes.baseAddress! + start, 256) == 0 else {
                    fatalError("the operating system's random source failed (errno \(errno)); no key or nonce can be made safely")
                }
            }
            offset = 0
        }

        deinit { bytes.deallocate() }
    }

    /// Fills `target` with random bytes.
    public static func fill(_ target: UnsafeMutableRawBufferPointer) {
        guard !target.isEmpty else { return }
        pool.withLock { $0.take(into: target) }
    }

    /// `count` random bytes.
    public static func data(count: Int) -> Data {
        var data = Data(count: count)
        data.withUnsafeMutableBytes { fill($0) }
        return data
    }

    /// A random 64-bit word.
    public static func word() -> UInt64 {
        var word: UInt64 = 0
        withUnsafeMutableBytes(of: &word) { fill($0) }
        return word
    }
}

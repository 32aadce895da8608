#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of uniformly random integers for the exact samplers.
///
/// Production uses ``PrivacySystemRandom`` (the operating system's
/// cryptographic generator); tests may inject a seeded source.
public protocol PrivacyRandomSource {
    /// A uniform integer in `0..<bound` (`bound` > 0), without modulo bias.
    mutating func uniform(below bound: UInt64) -> UInt64
}

/// The operating system's cryptographically secure generator (the kernel
/// CSPRNG through `/dev/urandom` on Linux, `arc4random_buf` on Apple
/// platforms), read 4 KiB at a time so a
/// draw is not a system call, and reduced to a range without bias by
/// Lemire's multiply-and-reject method (ACM TOMACS 2019).
public struct PrivacySystemRandom: PrivacyRandomSource {
    #if canImport(Glibc)
    private static let urandom = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
    #endif
    private var buffer = [UInt64](repeating: 0, count: 512)
    private var index = 512

    /// Creates the source.
    public init() {}

    private mutating func next() -> UInt64 {
        if index == buffer.count {
            buffer.withUnsafeMutableBytes { bytes in
                #if canImport(Glibc)
                var filled = 0
                while filled < bytes.count {
                    let result = Self.urandom >= 0 ? read(Self.urandom, bytes.baseAddress! + filled, bytes.count - filled) : -1
                    if result > 0 {
                        filled += result
                    } else if result < 0 && errno == EINTR {
                        continue
                    } else {
                        // Without /dev/urandom fall back to the standard library's generator (getrandom), 8 bytes per call.
                        var system = SystemRandomNumberGenerator()
                        while filled + 8 <= bytes.count {
                            bytes.storeBytes(of: system.next(), toByteOffset: filled, as: UInt64.self)
                            filled += 8
                        }
                    }
                }
                #else
                arc4random_buf(bytes.baseAddress!, bytes.count)
                #endif
            }
            index = 0
        }
        defer { index += 1 }
        return buffer[index]
    }

    /// A uniform integer in `0..<bound`.
    public mutating func uniform(below bound: UInt64) -> UInt64 {
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }
}

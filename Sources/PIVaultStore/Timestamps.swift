import Foundation

/// Times are stored as integer milliseconds since 1970 in both dialects.
extension Date {
    var storedMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded(.down)) }

    init(storedMilliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(storedMilliseconds) / 1000)
    }
}

extension Optional where Wrapped == Int64 {
    var storedDate: Date? { map { Date(storedMilliseconds: $0) } }
}

import Foundation
import SQLiteKit
import SQLiteNIO

/// A value read from, or bound to, a ``SQLiteDirectConnection``: SQLite's five
/// storage classes, with blobs as `Data` so that nothing is copied twice.
enum SQLiteValue: Sendable, Equatable {
    case integer(Int64)
    case float(Double)
    case text(String)
    case blob(Data)
    case null

    /// The value of a bound parameter: the common types directly, anything
    /// else the way the general SQLite driver encodes it.
    init(binding value: any Encodable & Sendable) throws {
        switch value {
        case let text as String: self = .text(text)
        case let integer as Int64: self = .integer(integer)
        case let integer as Int: self = .integer(Int64(integer))
        case let data as Data: self = .blob(data)
        case let flag as Bool: self = .integer(flag ? 1 : 0)
        case let double as Double: self = .float(double)
        default: self = try SQLiteValue(SQLiteDataEncoder().encode(value))
        }
    }

    init(_ data: SQLiteData) {
        switch data {
        case .integer(let integer): self = .integer(Int64(integer))
        case .float(let double): self = .float(double)
        case .text(let text): self = .text(text)
        case .blob(let buffer): self = .blob(Data(buffer.readableBytesView))
        case .null: self = .null
        }
    }

    /// The driver's form, for decoding types without a direct path.
    var sqliteData: SQLiteData {
        switch self {
        case .integer(let integer): .integer(SQLiteInt64(integer))
        case .float(let double): .float(double)
        case .text(let text): .text(text)
        case .blob(let data): .blob(.init(bytes: data))
        case .null: .null
        }
    }
}

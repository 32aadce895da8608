import Foundation
import SQLKit
import SQLiteKit

/// A row from a ``SQLiteDirectConnection``, read through SQLKit's row interface.
struct SQLiteDirectRow: SQLRow {
    /// A statement's column names, shared by all its rows.
    final class Columns: Sendable {
        let names: [String]
        let offsets: [String: Int]

        init(names: [String]) {
            self.names = names
            // The first of two equal names wins, as in the general driver.
            self.offsets = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    let columns: Columns
    let values: [SQLiteValue]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.offsets[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let offset = columns.offsets[column] else { return true }
        return values[offset] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = columns.offsets[column] else {
            throw DecodingError.keyNotFound(SQLiteColumnKey(stringValue: column), .init(codingPath: [], debugDescription: "no column \(column) in the result"))
        }
        let value = values[offset]
        if let direct: D = Self.direct(value) { return direct }
        return try SQLiteDataDecoder().decode(D.self, from: value.sqliteData)
    }

    /// The types the store reads most, without the general decoder's dynamic casts.
    private static func direct<D>(_ value: SQLiteValue) -> D? {
        switch value {
        case .text(let text):
            if D.self == String.self { return unsafeBitCast(text, to: D.self) }
            if D.self == String?.self { return unsafeBitCast(Optional(text), to: D.self) }
        case .integer(let integer):
            if D.self == Int64.self { return unsafeBitCast(integer, to: D.self) }
            if D.self == Int64?.self { return unsafeBitCast(Optional(integer), to: D.self) }
            if D.self == Int.self { return unsafeBitCast(Int(integer), to: D.self) }
        case .blob(let data):
            if D.self == Data.self { return unsafeBitCast(data, to: D.self) }
            if D.self == Data?.self { return unsafeBitCast(Optional(data), to: D.self) }
        case .null:
            if D.self == String?.self { return unsafeBitCast(String?.none, to: D.self) }
            if D.self == Int64?.self { return unsafeBitCast(Int64?.none, to: D.self) }
            if D.self == Data?.self { return unsafeBitCast(Data?.none, to: D.self) }
        case .float:
            break
        }
        return nil
    }
}

private struct SQLiteColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

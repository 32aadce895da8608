import Foundation

/// How to generalise one quasi-identifier: chosen explicitly (from a
/// hierarchy file) or inferred from the column's values.
public struct AnonymityHierarchySpec: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case interval(widths: [Double]?)
        case date
        case address
        case categorical
        case table([String: [String]])
    }
    let kind: Kind

    /// Numbers in intervals of growing width; `nil` chooses widths from the data range.
    public static func interval(widths: [Double]? = nil) -> AnonymityHierarchySpec { .init(kind: .interval(widths: widths)) }
    /// Dates (`YYYY-MM-DD` or `YYYY/MM/DD`): day → month → year → decade → `*`.
    public static let date = AnonymityHierarchySpec(kind: .date)
    /// Chinese addresses by administrative level: room/number → street → district → city → province → `*`.
    public static let address = AnonymityHierarchySpec(kind: .address)
    /// A value is either kept or suppressed to `*`.
    public static let categorical = AnonymityHierarchySpec(kind: .categorical)
    /// An explicit table: each value maps to its labels at levels 1, 2, …; `*` is added on top.
    public static func table(_ levels: [String: [String]]) -> AnonymityHierarchySpec { .init(kind: .table(levels)) }

    /// The spec's name as used in hierarchy files and reports.
    public var name: String {
        switch kind {
        case .interval: "interval"
        case .date: "date"
        case .address: "address"
        case .categorical: "categorical"
        case .table: "table"
        }
    }

    /// Picks interval, date or address when every value parses as one, else categorical.
    public static func infer(domain: [String]) -> AnonymityHierarchySpec {
        if domain.allSatisfy({ Double($0.trimmingCharacters(in: .whitespaces)) != nil }) { return .interval() }
        if domain.allSatisfy({ AnonymityDateHierarchy.parse($0) != nil }) { return .date }
        if domain.allSatisfy({ (AnonymityAddress.parse($0)?.depth ?? 0) >= 2 }) { return .address }
        return .categorical
    }

    /// Builds the hierarchy for one column.
    /// - Throws: ``AnonymityError`` with code `invalidValue` and the line of the first offending value.
    public func build(column: AnonymityTable.Column) throws -> AnonymityHierarchy {
        switch kind {
        case .interval(let widths):
            return try AnonymityIntervalHierarchy.build(column: column, widths: widths)
        case .date:
            return try AnonymityDateHierarchy.build(column: column)
        case .address:
            return try AnonymityAddress.build(column: column)
        case .categorical:
            return try AnonymityHierarchy(column: column.name, domain: column.values, levelNames: []) { _, _ in "*" }
        case .table(let map):
            let depth = map.values.map(\.count).max() ?? 0
            for (index, value) in column.values.enumerated() where map[value]?.count != depth {
                let problem = map[value] == nil ? "a value that is not in the hierarchy file" : "a value whose path in the hierarchy file has a different length"
                throw AnonymityError(.invalidHierarchy, "column \"\(column.name)\" has \(problem); list every value with \(depth) levels", line: column.firstLines[index])
            }
            return try AnonymityHierarchy(column: column.name, domain: column.values, levelNames: (0..<depth).map { "level \($0 + 1)" }) { index, level in
                map[column.values[index]]![level - 1]
            }
        }
    }
}

import Foundation

/// Reads a hierarchy file: a JSON object from column name to a hierarchy.
///
/// ```json
/// {
///   "age":       {"type": "interval", "widths": [5, 10, 20, 40]},
///   "birthdate": {"type": "date"},
///   "address":   {"type": "address"},
///   "sex":       {"type": "categorical"},
///   "diagnosis": {"type": "table", "levels": {"J10": ["J09-J18", "J00-J99"], "J45": ["J40-J47", "J00-J99"]}}
/// }
/// ```
/// `interval` widths are optional (chosen from the data range when absent)
/// and each must be a whole multiple of the previous one. A `table` lists,
/// for every value in the column, its labels from level 1 upwards; all lists
/// have the same length; `*` is added on top. JSON rather than YAML keeps
/// the library free of a YAML dependency.
public enum AnonymityHierarchyFile {
    /// Parses hierarchy definitions.
    /// - Throws: ``AnonymityError`` with code `invalidHierarchy`, naming the column at fault.
    public static func parse(_ data: Data) throws -> [String: AnonymityHierarchySpec] {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw AnonymityError(.invalidHierarchy, "the hierarchy file must be a JSON object mapping column names to {\"type\": …} definitions")
        }
        var specs: [String: AnonymityHierarchySpec] = [:]
        for (column, value) in root {
            guard let definition = value as? [String: Any], let type = definition["type"] as? String else {
                throw AnonymityError(.invalidHierarchy, "the hierarchy for column \"\(column)\" needs a \"type\" of interval, date, address, categorical or table")
            }
            switch type {
            case "interval":
                if let raw = definition["widths"] {
                    guard let widths = raw as? [NSNumber], !widths.isEmpty else {
                        throw AnonymityError(.invalidHierarchy, "\"widths\" for column \"\(column)\" must be a non-empty array of numbers")
                    }
                    specs[column] = .interval(widths: widths.map(\.doubleValue))
                } else {
                    specs[column] = .interval()
                }
            case "date": specs[column] = .date
            case "address": specs[column] = .address
            case "categorical": specs[column] = .categorical
            case "table":
                guard let levels = definition["levels"] as? [String: [String]], !levels.isEmpty else {
                    throw AnonymityError(.invalidHierarchy, "\"levels\" for column \"\(column)\" must map each value to an array of labels")
                }
                let depth = levels.values.first?.count ?? 0
                guard levels.values.allSatisfy({ $0.count == depth }) else {
                    throw AnonymityError(.invalidHierarchy, "every value of column \"\(column)\" must list the same number of levels")
                }
                specs[column] = .table(levels)
            default:
                throw AnonymityError(.invalidHierarchy, "unknown hierarchy type \"\(type)\" for column \"\(column)\"; use interval, date, address, categorical or table")
            }
        }
        return specs
    }

    /// Reads and parses a hierarchy file.
    public static func load(path: String) throws -> [String: AnonymityHierarchySpec] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnonymityError(.io, "cannot read the hierarchy file \(path)")
        }
        return try parse(data)
    }
}

import Foundation

/// Exact per-group counts and clamped sums, read in one streaming pass.
/// Each row contributes once, to one group, with its value clamped to the
/// bounds — the contribution bounding the sensitivities assume.
struct PrivacyAggregates {
    var count: [String: Int] = [:]
    var sum: [String: Double] = [:]

    static func read(_ reader: AnonymityCSVReader, query: PrivacyQuery) throws -> PrivacyAggregates {
        guard let header = try reader.nextRecord() else {
            throw PrivacyError(.invalidInput, "the table is empty; the first line must be a header of column names")
        }
        func index(_ name: String) throws -> Int {
            guard let index = header.firstIndex(of: name) else {
                throw PrivacyError(.invalidInput, "column \"\(name)\" is not in the table; its columns are: \(header.joined(separator: ", "))")
            }
            return index
        }
        let groupIndex = try query.groupBy.map(index)
        let valueIndex = try query.value.map(index)
        let bounds = query.bounds
        var aggregates = PrivacyAggregates()
        while let record = try reader.nextRecord() {
            guard record.count == header.count else {
                throw PrivacyError(.invalidInput, "line \(reader.recordLine): the row has \(record.count) fields but the header has \(header.count)")
            }
            let key = groupIndex.map { record[$0] } ?? "all"
            aggregates.count[key, default: 0] += 1
            if let valueIndex, let bounds {
                let cell = record[valueIndex]
                guard let number = Double(cell) ?? Double(cell.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                    throw PrivacyError(.invalidInput, "line \(reader.recordLine): column \"\(header[valueIndex])\" is not a number; clean the column or filter the rows first")
                }
                aggregates.sum[key, default: 0] += min(max(number, bounds.lower), bounds.upper)
            }
        }
        return aggregates
    }
}

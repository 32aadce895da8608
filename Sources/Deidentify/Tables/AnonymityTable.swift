/// A table held column by column as integer codes into per-column dictionaries.
///
/// Each distinct cell value is stored once; a row is a tuple of codes. This is
/// what makes grouping a million rows cheap: grouping hashes small integers,
/// never strings.
public struct AnonymityTable: Sendable {
    /// One column: its distinct values and each row's code into them.
    public struct Column: Sendable {
        /// The header name.
        public let name: String
        /// Distinct values in order of first appearance; a code indexes this array.
        public internal(set) var values: [String]
        /// The physical input line where each distinct value first appears (for error messages).
        public internal(set) var firstLines: [Int]
        /// One code per row.
        public internal(set) var codes: [Int32]
    }

    /// Column names in input order.
    public let header: [String]
    /// The columns, in header order.
    public internal(set) var columns: [Column]
    /// Number of data rows.
    public let rowCount: Int

    /// Reads a whole CSV table, the first record being the header.
    /// - Throws: ``AnonymityError`` for an empty table, duplicate header names,
    ///   ragged rows (with the line number), broken quoting or non-UTF-8 input.
    public static func read(from reader: AnonymityCSVReader) throws -> AnonymityTable {
        guard let header = try reader.nextRecord() else {
            throw AnonymityError(.emptyTable, "the table is empty; the first line must be a header of column names")
        }
        var seen: Set<String> = []
        for name in header where !seen.insert(name).inserted {
            throw AnonymityError(.duplicateColumn, "the header names column \"\(name)\" twice; column names must be unique", line: reader.recordLine)
        }
        var interners = header.map { _ in [String: Int32]() }
        var columns = header.map { Column(name: $0, values: [], firstLines: [], codes: []) }
        var rows = 0
        while let record = try reader.nextRecord() {
            guard record.count == header.count else {
                throw AnonymityError(.raggedRow, "the row has \(record.count) fields but the header has \(header.count); every row needs exactly one field per column", line: reader.recordLine)
            }
            for index in 0..<record.count {
                let value = record[index]
                if let code = interners[index][value] {
                    columns[index].codes.append(code)
                } else {
                    let code = Int32(columns[index].values.count)
                    interners[index][value] = code
                    columns[index].values.append(value)
                    columns[index].firstLines.append(reader.recordLine)
                    columns[index].codes.append(code)
                }
            }
            rows += 1
        }
        guard rows > 0 else {
            throw AnonymityError(.emptyTable, "the table has a header but no data rows")
        }
        return AnonymityTable(header: header, columns: columns, rowCount: rows)
    }

    /// Reads a CSV file.
    public static func read(path: String) throws -> AnonymityTable {
        try read(from: AnonymityCSVReader(path: path))
    }

    /// The index of a named column.
    /// - Throws: ``AnonymityError`` with code `unknownColumn`, naming the column and the header.
    public func columnIndex(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw AnonymityError(.unknownColumn, "column \"\(name)\" is not in the table; its columns are: \(header.joined(separator: ", "))")
        }
        return index
    }
}

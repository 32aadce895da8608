import Deidentify
import Foundation

/// Shared helpers: tables from text, and an independent recomputation of k and l
/// on released output (GB/T 37964-2019 §5 definitions), not using the library's own grouping.
enum AnonymityTestSupport {
    static func table(_ text: String) throws -> AnonymityTable {
        try AnonymityTable.read(from: AnonymityCSVReader(bytes: Array(text.utf8)))
    }

    static func records(_ text: String) throws -> [[String]] {
        let reader = AnonymityCSVReader(bytes: Array(text.utf8))
        var records: [[String]] = []
        while let record = try reader.nextRecord() { records.append(record) }
        return records
    }

    /// (smallest class size, fewest distinct sensitive values in a class) of a released table.
    static func measure(_ records: [[String]], quasi: [String], sensitive: String?) -> (k: Int, l: Int) {
        let header = records[0]
        let q = quasi.map { header.firstIndex(of: $0)! }
        let s = sensitive.map { header.firstIndex(of: $0)! }
        var classes: [[String]: (count: Int, values: Set<String>)] = [:]
        for record in records.dropFirst() {
            let key = q.map { record[$0] }
            var entry = classes[key] ?? (0, [])
            entry.count += 1
            if let s { entry.values.insert(record[s]) }
            classes[key] = entry
        }
        return (classes.values.map(\.count).min() ?? 0, classes.values.map(\.values.count).min() ?? 0)
    }

    /// A deterministic synthetic table of `rows` patients.
    static func patients(rows: Int, seed: UInt64 = 7) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let districts = ["北京市朝阳区", "北京市海淀区", "广东省广州市天河区", "广东省深圳市南山区", "浙江省杭州市西湖区", "上海市浦东新区"]
        let diagnoses = ["flu", "asthma", "diabetes", "hypertension", "fracture", "migraine"]
        var text = "patient_id,age,sex,district,birth_date,diagnosis\n"
        for index in 0..<rows {
            let age = next(80) + 10
            let month = next(12) + 1, day = next(28) + 1
            let date = "\(2025 - age)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            text += "P\(index),\(age),\(next(2) == 0 ? "男" : "女"),\(districts[next(districts.count)]),\(date),\(diagnoses[next(diagnoses.count)])\n"
        }
        return text
    }

    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "deidentify-tests-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

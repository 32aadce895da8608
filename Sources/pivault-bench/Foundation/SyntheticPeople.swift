import Foundation
import PIVaultCore

/// Deterministic synthetic registrations with valid resident IDs and mobiles; no real person.
struct SyntheticPeople {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        // SplitMix64: fast and reproducible.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func residentID() -> String {
        let regions = ["110105", "310104", "420106", "440305", "510107"]
        let region = regions[Int(next() % UInt64(regions.count))]
        let year = 1950 + Int(next() % 60)
        let month = 1 + Int(next() % 12)
        let day = 1 + Int(next() % 28)
        let sequence = Int(next() % 1000)
        let body = region + String(format: "%04d%02d%02d%03d", year, month, day, sequence)
        let digits = body.compactMap { $0.wholeNumberValue }
        return body + String(ResidentIDNumber.checkCharacter(for: digits))
    }

    mutating func mobile() -> String {
        "13" + String(format: "%09d", Int(next() % 1_000_000_000))
    }

    mutating func registration() -> [String: JSONValue] {
        let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄"]
        let given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋"]
        return [
            "name": .string(surnames[Int(next() % 8)] + given[Int(next() % 8)]),
            "resident_id": .string(residentID()),
            "mobile": .string(mobile()),
            "address": .string("武汉市江汉区解放大道\(next() % 2000)号"),
            "health_declaration": .string(next() % 10 == 0 ? "发热" : "无症状"),
            "travel_history": .array([.string("武汉"), .string("北京")]),
        ]
    }
}

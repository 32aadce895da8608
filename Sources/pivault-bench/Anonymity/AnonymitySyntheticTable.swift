import Foundation

/// A deterministic synthetic patient table (age, sex, district, birth date,
/// diagnosis) for the anonymisation and statistics benchmarks.
struct AnonymitySyntheticTable {
    static let header = ["patient_id", "age", "sex", "district", "birth_date", "diagnosis"]
    static let districts = [
        "北京市朝阳区", "北京市海淀区", "北京市东城区", "北京市丰台区", "上海市浦东新区", "上海市徐汇区", "上海市静安区",
        "天津市南开区", "重庆市渝中区", "广东省广州市天河区", "广东省广州市越秀区", "广东省深圳市南山区", "广东省深圳市福田区",
        "浙江省杭州市西湖区", "浙江省杭州市滨江区", "浙江省宁波市鄞州区", "江苏省南京市鼓楼区", "江苏省苏州市姑苏区",
        "湖北省武汉市江汉区", "湖北省武汉市洪山区", "四川省成都市武侯区", "四川省成都市锦江区", "陕西省西安市雁塔区",
        "山东省济南市历下区", "山东省青岛市市南区", "河南省郑州市金水区", "湖南省长沙市岳麓区", "福建省厦门市思明区",
        "辽宁省沈阳市和平区", "黑龙江省哈尔滨市南岗区", "云南省昆明市五华区", "广西壮族自治区南宁市青秀区",
    ]
    static let diagnoses = [
        "J10 流感", "J18 肺炎", "I10 高血压", "E11 2型糖尿病", "K29 胃炎", "M54 背痛", "F32 抑郁发作", "J45 哮喘",
        "N39 尿路感染", "I25 慢性缺血性心脏病", "C34 肺恶性肿瘤", "K80 胆石症", "L20 特应性皮炎", "H10 结膜炎",
        "A09 胃肠炎", "B34 病毒感染", "R51 头痛", "S52 前臂骨折", "O80 单胎顺产", "Z00 健康检查",
    ]

    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64: fast, deterministic, good enough to spread synthetic values.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One row; the age is consistent with the birth date on 2026-01-01.
    mutating func row(_ index: Int) -> [String] {
        let age = min(below(90) + below(10), 99)
        let year = 2025 - age
        let month = below(12) + 1
        let day = below(28) + 1
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return [
            "P\(1_000_000 + index)", String(age), below(2) == 0 ? "男" : "女",
            Self.districts[below(Self.districts.count)], "\(year)-\(two(month))-\(two(day))",
            Self.diagnoses[below(Self.diagnoses.count)],
        ]
    }

    /// Writes `rows` rows as CSV.
    static func write(rows: Int, seed: UInt64, to path: String) throws {
        var generator = AnonymitySyntheticTable(seed: seed)
        var text = header.joined(separator: ",") + "\n"
        text.reserveCapacity(rows * 64)
        for index in 0..<rows { text += generator.row(index).joined(separator: ",") + "\n" }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}

import Foundation
@testable import Deidentify

/// A deterministic generator of labelled Chinese PII records, independent of the shared
/// corpus: identifiers are built from their specifications (check characters computed
/// here), embedded in varied sentences, and paired with near-miss negatives.
struct SyntheticCorpus {
    private var rng: PIISplitMix

    init(seed: UInt64) { rng = PIISplitMix(seed: seed) }

    // MARK: Identifiers from their rules

    mutating func digits(_ n: Int) -> [Int] { (0..<n).map { _ in Int(rng.next() % 10) } }
    mutating func pick<T>(_ a: [T]) -> T { a[Int(rng.next() % UInt64(a.count))] }
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(rng.next() % UInt64(r.count)) }

    static let provinces = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65]

    /// A valid 18-character resident ID; `corrupt` breaks the check character or the date.
    mutating func residentID(corrupt: Corruption = .none) -> String {
        let p = pick(Self.provinces)
        var d = [p / 10, p % 10] + digits(4)
        let year = int(1930...2020), month = int(1...12), day = int(1...28)
        let badMonth = corrupt == .date ? 13 + int(0...6) : month
        d += [year / 1000, year / 100 % 10, year / 10 % 10, year % 10, badMonth / 10, badMonth % 10, day / 10, day % 10]
        d += digits(3)
        var check = Checksums.residentIDCheck(d)
        if corrupt == .checksum { check = (check + 1 + int(0...9)) % 11 }
        return d.map(String.init).joined() + (check == 10 ? "X" : String(check))
    }

    enum Corruption { case none, checksum, date }

    mutating func mobile() -> (String, String) {
        let n = "1" + String(int(3...9)) + digits(9).map(String.init).joined()
        let a = n.prefix(3), b = n.dropFirst(3).prefix(4), c = n.suffix(4)
        let form = int(0...5)
        switch form {
        case 0: return (n, "plain")
        case 1: return ("\(a)-\(b)-\(c)", "dash")
        case 2: return ("\(a) \(b) \(c)", "space")
        case 3: return ("+86 \(n)", "+86")
        case 4: return ("0086\(n)", "0086")
        default: return (String(n.map { Character(Unicode.Scalar($0.unicodeScalars.first!.value + 0xFEE0)!) }), "fullwidth")
        }
    }

    mutating func landline() -> String {
        switch int(0...3) {
        case 0: return "010-" + String(int(2...8)) + digits(7).map(String.init).joined()
        case 1: return "(0" + String(int(20...29)) + ")" + String(int(2...8)) + digits(7).map(String.init).joined()
        case 2: return "0" + String(int(311...999)) + "-" + String(int(2...8)) + digits(6).map(String.init).joined()
        default: return "0" + String(int(311...999)) + " " + String(int(2...8)) + digits(7).map(String.init).joined()
        }
    }

    mutating func bankCard(valid: Bool = true) -> String {
        let prefix = pick([[6, 2, 2, 2], [4], [5, 3], [6, 2, 1, 7]])
        let length = pick([16, 19])
        var d = prefix + digits(length - prefix.count - 1)
        let check = (0...9).first { Checksums.luhnValid(d + [$0]) }!
        d.append(valid ? check : (check + int(1...9)) % 10)
        let s = d.map(String.init).joined()
        guard int(0...2) == 0 else { return s }
        return stride(from: 0, to: s.count, by: 4).map { i -> String in
            let a = s.index(s.startIndex, offsetBy: i)
            return String(s[a..<(s.index(a, offsetBy: 4, limitedBy: s.endIndex) ?? s.endIndex)])
        }.joined(separator: " ")
    }

    mutating func uscc(valid: Bool = true) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let p = pick(Self.provinces)
        var v = [pick([1, 5, 9]), pick([1, 2, 3]), p / 10, p % 10] + digits(4)
        for _ in 0..<9 { v.append(int(0...30)) }
        var check = Checksums.usccCheck(v)
        if !valid { check = (check + int(1...30)) % 31 }
        return String((v + [check]).map { alphabet[$0] })
    }

    mutating func plate() -> String {
        let provinces = Array("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let head = String(pick(provinces)) + String(pick(letters))
        switch int(0...2) {
        case 0: return head + digits(5).map(String.init).joined()
        case 1: return head + String(pick(["D", "F"])) + String(pick(letters)) + digits(4).map(String.init).joined()
        default: return head + "·" + digits(5).map(String.init).joined() + String(pick(["D", "F"]))
        }
    }

    mutating func passport() -> String { pick(["E", "G"]) + digits(8).map(String.init).joined() }
    mutating func permit() -> String { pick(["C", "H", "M"]) + digits(8).map(String.init).joined() }
    mutating func email() -> String {
        pick(["wang", "li.na", "zhang_wei", "chen88", "x.y-z"]) + String(int(1...999)) + "@" + pick(["qq.com", "163.com", "example.org", "mail.example.com.cn"])
    }
    mutating func ipv4() -> String { (0..<4).map { _ in String(int(1...254)) }.joined(separator: ".") }
    mutating func ipv6() -> String { (0..<8).map { _ in String(int(1...0xFFFF), radix: 16) }.joined(separator: ":") }
    mutating func name() -> String {
        pick(["赵", "钱", "孙", "李", "周", "吴", "郑", "王", "欧阳", "诸葛", "黄", "林"]) + pick(["伟", "芳", "秀英", "建国", "子涵", "一鸣", "静", "磊", "晓燕"])
    }
    mutating func address() -> String {
        let head = pick(["浙江省杭州市西湖区", "广东省深圳市南山区", "北京市朝阳区", "江苏省南京市鼓楼区", "四川省成都市武侯区", "新疆维吾尔自治区乌鲁木齐市天山区"])
        let road = pick(["文三路", "深南大道", "建国门外大街", "中山北路", "人民南路"])
        var s = head + road + String(int(1...999)) + "号"
        if int(0...1) == 0 { s += String(int(1...30)) + "栋" + String(int(101...2999)) + "室" }
        return s
    }

    // MARK: Records

    /// One labelled record mixing several types with negatives.
    mutating func record(_ index: Int) -> LabelledRecord {
        var text = ""
        var spans: [LabelledRecord.GoldSpan] = []
        var negatives: [LabelledRecord.Negative] = []
        func add(_ s: String) { text += s }
        func gold(_ value: String, _ type: PIIType) {
            let start = text.unicodeScalars.count
            text += value
            spans.append(.init(start: start, end: text.unicodeScalars.count, type: type.rawValue))
        }
        func negative(_ value: String, _ kind: String) {
            let start = text.unicodeScalars.count
            text += value
            negatives.append(.init(start: start, end: text.unicodeScalars.count, kind: kind))
        }
        add(pick(["据报，", "", "通知："]))
        add(pick(["患者", "联系人", "收件人："])); gold(name(), .person)
        add("，身份证号"); gold(residentID(), .residentID)
        add("，手机"); gold(mobile().0, .mobile)
        add("，住址："); gold(address(), .address)
        add("。座机"); gold(landline(), .landline)
        add("；卡号"); gold(bankCard(), .bankCard)
        add("，邮箱"); gold(email(), .email)
        add("，车牌"); gold(plate(), .plate)
        add("。护照"); gold(passport(), .passport)
        add("，通行证"); gold(permit(), .hkmoPermit)
        add("，单位代码"); gold(uscc(), .uscc)
        add("，登录IP "); gold(index % 2 == 0 ? ipv4() : ipv6(), .ipAddress)
        add("。订单编号"); negative(residentID(corrupt: .checksum), "id_bad_checksum")
        add("，批次号"); negative(residentID(corrupt: .date), "id_bad_date")
        add("，流水号"); negative(bankCard(valid: false).replacingOccurrences(of: " ", with: ""), "card_like_luhn_fail")
        add("，序列号"); negative(uscc(valid: false), "uscc_bad_checksum")
        add("，金额"); negative("\(int(1...99999)).\(int(10...99))元", "amount")
        add("，日期"); negative("20\(int(10...24))-0\(int(1...9))-1\(int(0...9))", "date")
        add("，版本"); negative("10.0.\(int(10000...29999)).\(int(1000...9999))", "version_number")
        add("，时间戳"); negative("17\(digits(11).map(String.init).joined())", "timestamp_ms")
        add("。")
        return LabelledRecord(id: "syn-\(index)", text: text, spans: spans, negatives: negatives)
    }
}

/// PIISplitMix, a small deterministic generator so generated corpora are reproducible.
struct PIISplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

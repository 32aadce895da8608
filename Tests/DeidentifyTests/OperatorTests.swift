import Foundation
import Testing
@testable import Deidentify

/// Operators of issue 6: mask (GB/T 35273 display forms), redact, tag, keyed pseudonym
/// (HMAC-SHA-256), generalise (GB/T 37964 generalisation).
@Suite struct OperatorTests {
    let policy = MaskingPolicy.standard

    @Test("GB/T 35273 display form: resident ID keeps first 6 and last 4")
    func maskResidentID() {
        #expect(policy.mask("11010119900307001X", as: .residentID) == "110101********001X")
        #expect(policy.mask("110101 19900307 001X", as: .residentID) == "110101 ******** 001X")
    }

    @Test("GB/T 35273 display form: mobile keeps first 3 and last 4; prefix and separators stay")
    func maskMobile() {
        #expect(policy.mask("13812345678", as: .mobile) == "138****5678")
        #expect(policy.mask("+86 138-1234-5678", as: .mobile) == "+86 138-****-5678")
        #expect(policy.mask("008613812345678", as: .mobile) == "0086138****5678")
    }

    @Test("Mask is configurable and never leaves a short value fully visible")
    func maskConfigurable() {
        let custom = MaskingPolicy(rules: [.mobile: .init(keepFirst: 0, keepLast: 2)], maskCharacter: "#")
        #expect(custom.mask("13812345678", as: .mobile) == "#########78")
        #expect(policy.mask("王芳", as: .person) == "王*")
        #expect(policy.mask("李", as: .person) == "*")
        #expect(policy.mask("wang.fang@example.com", as: .email) == "w********@example.com")
        #expect(policy.mask("192.168.1.20", as: .ipAddress) == "192.168.*.**")
    }

    @Test("Address masks and generalises to its district")
    func addressDistrict() {
        #expect(AddressGeneraliser.district("四川省成都市锦江区海门街623号") == "四川省成都市锦江区")
        #expect(AddressGeneraliser.district("新疆维吾尔自治区乌鲁木齐市天山区人民路1号") == "新疆维吾尔自治区乌鲁木齐市天山区")
        #expect(AddressGeneraliser.district("喀什地区塔什库尔干塔吉克自治县邯郸路621号") == "喀什地区塔什库尔干塔吉克自治县")
        #expect(AddressGeneraliser.district("伊吾县学府路203号") == "伊吾县")
        #expect(policy.mask("北京市朝阳区建国路88号", as: .address) == "北京市朝阳区******")
    }

    @Test("Generalise: age to band, date to month or year")
    func generalise() {
        let g = Generaliser()
        #expect(g.ageBand(61) == "60-69")
        #expect(g.ageBand(5) == "0-9")
        #expect(Generaliser(ageBandWidth: 5).ageBand(43) == "40-44")
        #expect(g.date(year: 2021, month: 6) == "2021-06")
        #expect(Generaliser(datePrecision: .year).date(year: 2021, month: 6) == "2021")
        let r = PIIRedactor(operator: .generalise()).redact("患者王芳，61岁，2021年6月6日住院，现住址四川省成都市锦江区海门街623号。")
        #expect(r.text == "患者<PERSON>，60-69岁，2021-06住院，现住址四川省成都市锦江区。")
    }

    @Test("Redact removes and tag replaces with the type name")
    func redactAndTag() {
        let text = "联系电话13812345678，邮箱a@b.cn"
        #expect(PIIRedactor(operator: .redact).redact(text).text == "联系电话，邮箱")
        #expect(PIIRedactor(operator: .tag).redact(text).text == "联系电话<CN_PHONE>，邮箱<EMAIL>")
    }

    @Test("PIPL Art. 73: keyed pseudonyms are stable under one key and differ across keys")
    func pseudonyms() throws {
        let k1 = try PseudonymKey(bytes: [UInt8](repeating: 1, count: 32))
        let k2 = try PseudonymKey(bytes: [UInt8](repeating: 2, count: 32))
        let p1 = Pseudonymizer(key: k1), p2 = Pseudonymizer(key: k2)
        let a = p1.pseudonym(for: "13812345678", as: .mobile)
        #expect(a == p1.pseudonym(for: "138 1234 5678", as: .mobile))
        #expect(a == p1.pseudonym(for: "+86 138-1234-5678", as: .mobile))
        #expect(a != p2.pseudonym(for: "13812345678", as: .mobile))
        #expect(a != p1.pseudonym(for: "13812345679", as: .mobile))
        #expect(a.hasPrefix("<CN_PHONE:") && a.count == "<CN_PHONE:>".count + 16)
        // Same digits as another type do not link.
        #expect(p1.pseudonym(for: "13812345678", as: .landline).dropFirst(13) != a.dropFirst(10))
        #expect(PIIOperator.pseudonym(key: k1).outputIsPseudonymised)
        #expect(!PIIOperator.tag.outputIsPseudonymised)
    }

    @Test("HMAC-SHA-256 pseudonym matches an independent computation (RFC 2104)")
    func pseudonymValue() throws {
        let key = try PseudonymKey(bytes: Array("0123456789abcdef0123456789abcdef".utf8))
        let p = Pseudonymizer(key: key).pseudonym(for: "张伟", as: .person)
        // python3: hmac.new(b"0123456789abcdef0123456789abcdef", b"PERSON\x1f张伟", "sha256").hexdigest()[:16]
        #expect(p == "<PERSON:\(PIIReferenceValues.personHMACPrefix)>")
    }

    @Test("Pseudonym keys: too short refused, hex file accepted, description hides the key")
    func keys() throws {
        #expect(throws: PIIError.self) { try PseudonymKey(bytes: [UInt8](repeating: 0, count: 8)) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pii-key-\(UUID().uuidString)")
        try (String(repeating: "ab", count: 32) + "\n").write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let fromFile = try PseudonymKey(contentsOf: url)
        let direct = try PseudonymKey(bytes: [UInt8](repeating: 0xAB, count: 32))
        #expect(Pseudonymizer(key: fromFile).pseudonym(for: "x", as: .email) == Pseudonymizer(key: direct).pseudonym(for: "x", as: .email))
        #expect(String(describing: fromFile) == "PseudonymKey(<redacted>)")
    }
}

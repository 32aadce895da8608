import Testing
@testable import Deidentify

/// Rules of each recognizer, one example and its near misses per rule.
@Suite struct RecognizerTests {
    let scanner = PIIScanner()

    func found(_ text: String) -> [(PIIType, String)] {
        let scalars = Array(text.unicodeScalars)
        return scanner.scan(text).map { s in
            var v = ""
            v.unicodeScalars.append(contentsOf: scalars[s.start..<s.end])
            return (s.type, v)
        }
    }

    func types(_ text: String) -> [PIIType] { found(text).map(\.0) }

    @Test("GB 11643 §5.2: MOD 11-2 check character, region and birth date decide a resident ID")
    func residentID() {
        #expect(found("身份证号11010519491231002X。").map(\.1) == ["11010519491231002X"])
        #expect(types("号11010519491231002x") == [.residentID])
        #expect(types("证件 110105 19491231 002X") == [.residentID])
        #expect(!types("身份证号110105194912310021").contains(.residentID))  // wrong check character
        #expect(!types("身份证号110105194902300028").contains(.residentID))  // 30 February
        #expect(!types("身份证号990105194912310028").contains(.residentID))  // no province 99
        #expect(!types("订单编号11010519491231002X").contains(.residentID))  // labelled order number
    }

    @Test("Full-width digits are recognized with offsets of the original text")
    func fullWidth() {
        let s = scanner.scan("手机：１３８１２３４５６７８")
        #expect(s.count == 1 && s[0].type == .mobile && s[0].start == 3 && s[0].end == 14)
    }

    @Test("Legacy 15-digit IDs need an identity label")
    func legacyID() {
        #expect(types("身份证号码：110105491231002") == [.residentID])
        #expect(types("编码110105491231002").isEmpty)
    }

    @Test("Mainland mobiles: 1[3-9] prefix, +86/0086, spaces and dashes")
    func mobiles() {
        #expect(found("电话+86 138 1234 5678，").map(\.1) == ["+86 138 1234 5678"])
        #expect(found("电话+86-138-1234-5678").map(\.1) == ["+86-138-1234-5678"])
        #expect(found("账号008613812345678").map(\.1) == ["008613812345678"])
        #expect(types("工号12812345678").isEmpty)
        #expect(types("尾号138****5678").isEmpty)
        #expect(types("时间戳1695969256507").isEmpty)
    }

    @Test("Landlines: area code rules, brackets, +86")
    func landlines() {
        #expect(found("电话010-62345678").map(\.1) == ["010-62345678"])
        #expect(found("电话（022）69781153").map(\.1) == ["（022）69781153"])
        #expect(found("电话+86-769-65066846").map(\.1) == ["+86-769-65066846"])
        #expect(found("联系电话02489810153").map(\.1) == ["02489810153"])
        #expect(types("发票代码041144269420").isEmpty)
        #expect(types("编码012-12345678").isEmpty)  // area codes 01x other than 010 do not exist
    }

    @Test("ISO/IEC 7812: bank cards need Luhn and a card-scheme prefix")
    func cards() {
        #expect(found("卡号6222 0212 3456 7890 128").map(\.1) == ["6222 0212 3456 7890 128"])
        #expect(found("卡号6222021234567890128").map(\.1) == ["6222021234567890128"])
        #expect(found("卡号4111111111111111").map(\.1) == ["4111111111111111"])
        #expect(found("卡号4111-1111-1111-1111").map(\.1) == ["4111-1111-1111-1111"])
        #expect(types("卡号4111111111111112").isEmpty)  // Luhn fails
        #expect(types("单据2021040358346357871").isEmpty)  // no card scheme starts with 20
    }

    @Test("GB 32100 §4.5: unified social credit code check character")
    func uscc() {
        #expect(types("统一社会信用代码91350100M000100Y43") == [.uscc])
        #expect(types("统一社会信用代码91350100M000100Y44").isEmpty)
    }

    @Test("Passports and Hong Kong/Macau permits by their letter prefixes")
    func travelDocuments() {
        #expect(types("护照E12345678") == [.passport])
        #expect(types("护照EA1234567") == [.passport])
        #expect(types("通行证C12345678") == [.hkmoPermit])
        #expect(types("回乡证H1234567801") == [.hkmoPermit])
        #expect(types("单号E827784085CN").isEmpty)
    }

    @Test("GA 36 plates incl. 8-character new-energy plates")
    func plates() {
        #expect(found("车牌京A12345。").map(\.1) == ["京A12345"])
        #expect(found("车牌粤B·D12345").map(\.1) == ["粤B·D12345"])
        #expect(found("车牌沪A12345D的车").map(\.1) == ["沪A12345D"])
        #expect(found("车牌琼S·2889学").map(\.1) == ["琼S·2889学"])
        #expect(types("新ABCDE款").isEmpty)
    }

    @Test("E-mail (RFC 5322 dot-atom) and IP addresses (RFC 4291 text forms)")
    func emailAndIP() {
        #expect(found("邮箱li.na+1@mail.example.com.cn。").map(\.1) == ["li.na+1@mail.example.com.cn"])
        #expect(found("IP 192.168.1.20，").map(\.1) == ["192.168.1.20"])
        #expect(found("src=2001:db8::8a2e:370:7334 ok").map(\.1) == ["2001:db8::8a2e:370:7334"])
        #expect(types("版本10.0.18089.2578").isEmpty)
        #expect(types("时间 23:34:14").isEmpty)
        #expect(types("IP 256.1.1.1").isEmpty)
    }

    @Test("Names: surname plus role cue, title cue, or whole table field")
    func names() {
        #expect(found("患者王芳，女").map(\.1) == ["王芳"])
        #expect(found("用户欧阳娜娜登录").map(\.1) == ["欧阳娜娜"])
        #expect(found("用户傅娜登录").map(\.1) == ["傅娜"])
        #expect(found("请联系张伟先生").map(\.1) == ["张伟"])
        #expect(found("刘颖|赵春梅\n").map(\.1) == ["刘颖", "赵春梅"])
        #expect(types("金额|常州|林业局").isEmpty)
        #expect(types("周末去常州，林业局项目").isEmpty)
    }

    @Test("Addresses from the first administrative unit to the house or room number")
    func addresses() {
        #expect(found("现住址四川省成都市锦江区海门街623号，电话").map(\.1) == ["四川省成都市锦江区海门街623号"])
        #expect(found("家住琅琊区邯郸路445号2栋301室（邮编239000）").map(\.0).first == .address)
        #expect(found("家住琅琊区邯郸路445号2栋301室（邮编239000）").first?.1 == "琅琊区邯郸路445号2栋301室")
        #expect(found("寄到喀什地区塔什库尔干塔吉克自治县邯郸路621号，").map(\.1) == ["喀什地区塔什库尔干塔吉克自治县邯郸路621号"])
        #expect(types("前往超市3号门").isEmpty)
    }

    @Test("Overlaps: a valid resident ID wins over a card reading of the same digits")
    func overlaps() {
        let spans = scanner.scan("号码 440800194608277563")
        #expect(spans.count == 1 && spans[0].type == .residentID)
        #expect(PIIScanner(configuration: .init(types: [.bankCard])).scan("号码 440800194608277563").allSatisfy { $0.type == .bankCard })
    }
}

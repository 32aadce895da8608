/// Decides whether a release is "anonymised" or only "de-identified" under
/// PIPL Art. 73: de-identified information cannot identify a person without
/// additional information and is still personal information; anonymised
/// information can neither identify anyone nor be restored. The check is
/// strict: anything that may still carry a direct identifier or a pseudonym
/// (which is restorable by whoever holds the key or the mapping) keeps the
/// output "de-identified".
enum AnonymityReleaseAssessment {
    static let anonymised = "anonymised"
    static let deidentified = "de-identified"

    private static let identifierNameHints = [
        "name", "姓名", "名字", "id", "身份证", "证件", "phone", "mobile", "tel", "手机", "电话", "email", "mail", "邮箱",
        "passport", "护照", "card", "卡号", "account", "账号", "plate", "车牌", "ssn", "住院号", "病历号", "门诊号",
        "pseudonym", "token", "hash", "假名", "address", "地址", "ip", "wechat", "微信", "qq",
    ]

    static func assess(table: AnonymityTable, configuration: AnonymityConfiguration, released: [Int],
                       releasedRows: Int, achievedK: Int, achievedL: Int?, levels: [String: Int]) -> (statement: String, reasons: [String]) {
        var reasons: [String] = []
        let quasi = Set(configuration.quasiIdentifiers)
        for index in released {
            let column = table.columns[index]
            let generalised = quasi.contains(column.name)
            if !generalised && !configuration.sensitiveAttributes.contains(column.name) {
                reasons.append("column \"\(column.name)\" is released unchanged but was declared neither a quasi-identifier nor sensitive; it may identify people directly or by linkage — drop it with --drop or declare it")
            }
            if (!generalised || levels[column.name] == 0), looksLikeIdentifierName(column.name) {
                reasons.append("column \"\(column.name)\" is named like a direct identifier or pseudonym and is released without generalisation; drop it")
            }
            if !generalised, let shape = identifierShape(column, releasedRows: releasedRows) {
                reasons.append("values of column \"\(column.name)\" look like \(shape); a pseudonym is still personal information (Art. 73(3)) — drop the column")
            }
        }
        if achievedK < 2 {
            reasons.append("k = \(achievedK): a released record can be singled out; use k ≥ 2")
        }
        if let achievedL, achievedL < 2 {
            reasons.append("l = \(achievedL): some class shows a single sensitive value, which discloses it for everyone in the class; use --l 2 or more")
        }
        return (reasons.isEmpty ? anonymised : deidentified, reasons)
    }

    /// The article and the reason, in one sentence.
    static func basis(statement: String, k: Int, l: Int?) -> String {
        if statement == anonymised {
            return "PIPL Art. 73(4) anonymisation: no column that may hold a direct identifier or pseudonym is released, every record shares its generalised quasi-identifiers with at least \(k - 1) others" + (l.map { " and every such group shows at least \($0) distinct sensitive values" } ?? "") + ", so no one can be identified and no key or mapping exists to restore the records."
        }
        return "PIPL Art. 73(3) de-identification: the output still allows identification with additional information (see reasons), so it remains personal information and every PIPL duty still applies."
    }

    static func looksLikeIdentifierName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        let words = lowered.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        return identifierNameHints.contains { hint in
            hint.unicodeScalars.allSatisfy(\.isASCII) ? words.contains(hint) || lowered.hasSuffix("_" + hint) : lowered.contains(hint)
        }
    }

    /// Looks at up to 2,000 distinct values for identifier-shaped content.
    static func identifierShape(_ column: AnonymityTable.Column, releasedRows: Int) -> String? {
        let sample = column.values.prefix(2000)
        func share(_ predicate: (String) -> Bool) -> Double {
            Double(sample.filter(predicate).count) / Double(max(sample.count, 1))
        }
        if share(isResidentID) > 0.5 { return "resident ID numbers" }
        if share(isMobile) > 0.5 { return "mobile numbers" }
        if share({ $0.contains("@") && $0.contains(".") }) > 0.5 { return "e-mail addresses" }
        if share(isToken) > 0.5 { return "keyed pseudonyms or hashes" }
        if releasedRows >= 10, Double(column.values.count) >= 0.9 * Double(releasedRows) {
            return "values unique to each row (an identifier or pseudonym)"
        }
        return nil
    }

    private static func isResidentID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 18 && bytes.prefix(17).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            && (bytes[17] >= 0x30 && bytes[17] <= 0x39 || bytes[17] == UInt8(ascii: "X") || bytes[17] == UInt8(ascii: "x"))
    }

    private static func isMobile(_ text: String) -> Bool {
        let digits = Array(text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 })
        return digits.count >= 11 && digits.count <= 13 && digits.suffix(11).first == UInt8(ascii: "1")
            && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x20 }
    }

    private static func isToken(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16 else { return false }
        let hex = bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) }
        let base64 = bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2B || $0 == 0x2F || $0 == 0x2D || $0 == 0x5F || $0 == 0x3D }
            && bytes.contains { $0 >= 0x30 && $0 <= 0x39 }
        return hex || base64
    }
}

/// Words before a number that say what the number is.
///
/// A label such as 订单号 or 流水号 in front of a digit string says it is an order or
/// transaction number, whatever its shape; a label such as 电话 says a bare digit string
/// is a telephone number. Cues are looked up right before a candidate, skipping the
/// separators that usually sit between a label and its value.
enum ContextCues {
    /// Labels of numbers that are not personal identifiers.
    static let negative: [[UInt32]] = [
        "订单号", "订单编号", "编号", "单号", "流水号", "交易号", "工号", "批次号", "序列号",
        "验证码", "校验码", "时间戳", "版本", "版本号", "邮编", "邮政编码", "股票代码", "证券代码",
        "发票代码", "发票号码", "发票号", "合同号", "货号", "型号", "尾号", "车次", "航班",
        "order_id", "order", "ts", "version", "ver", "v", "No.", "no.", "sn", "SN",
    ].map(\.scalarValues)

    /// Labels of telephone numbers.
    static let telephone: [[UInt32]] = [
        "电话", "座机", "固话", "手机", "联系方式", "传真", "热线", "tel", "Tel", "TEL", "phone", "致电",
    ].map(\.scalarValues)

    /// Labels of identity documents.
    static let identity: [[UInt32]] = [
        "身份证", "证件", "公民身份", "身份号码", "驾驶证", "ID",
    ].map(\.scalarValues)

    /// Separators allowed between a label and its value.
    @inline(__always) static func isLabelSeparator(_ v: UInt32) -> Bool {
        v == 0x20 || v == 0x3A || v == 0xFF1A || v == 0x3D || v == 0x22 || v == 0x23 || v == 0x09
            || v == 0x3000 || v == 0x5F || v == 0xFF08 || v == 0x28
    }

    /// Whether one of `words` ends right before `start`, after at most three separators.
    static func labelled(_ t: ScanText, before start: Int, by words: [[UInt32]]) -> Bool {
        var end = start
        var skipped = 0
        while skipped < 3, end > 0, isLabelSeparator(t[end - 1]) { end -= 1; skipped += 1 }
        for w in words where t.matches(w, endingAt: end) {
            // An ASCII label must stand alone ("ts=" yes, "parts=" no).
            if w[0] < 0x80, t.isAlnum(end - w.count - 1) { continue }
            return true
        }
        return false
    }

    /// Whether a label of a non-personal number (`negative`) ends right before `start`.
    static func labelledNegative(_ t: ScanText, before start: Int) -> Bool {
        var end = start
        var skipped = 0
        while skipped < 3, end > 0, isLabelSeparator(t[end - 1]) { end -= 1; skipped += 1 }
        // Most values have no such label; one flag test settles them.
        guard t.has(CharacterClasses.negativeCueLast, at: end - 1) else { return false }
        return labelled(t, before: start, by: negative)
    }

    /// Whether one of `words` occurs within `window` scalars before `start`.
    static func near(_ t: ScanText, before start: Int, window: Int, words: [[UInt32]]) -> Bool {
        let lower = max(0, start - window)
        var end = start
        while end > lower {
            for w in words where t.matches(w, endingAt: end) { return true }
            end -= 1
        }
        return false
    }
}

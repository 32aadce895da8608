/// Coarsens quasi-identifiers: ages to bands, dates to month or year, addresses to district.
public struct Generaliser: Sendable, Hashable {
    /// How coarse a generalised date is.
    public enum DatePrecision: Sendable, Hashable { case month, year }

    /// Width of an age band in years.
    public var ageBandWidth: Int
    /// Precision kept of dates.
    public var datePrecision: DatePrecision

    /// Creates a generaliser; ages fall into 10-year bands and dates keep their month by default.
    public init(ageBandWidth: Int = 10, datePrecision: DatePrecision = .month) {
        self.ageBandWidth = max(1, ageBandWidth)
        self.datePrecision = datePrecision
    }

    /// The band holding `age`, e.g. `60-69`.
    public func ageBand(_ age: Int) -> String {
        let low = (max(0, age) / ageBandWidth) * ageBandWidth
        return ageBandWidth == 1 ? "\(low)" : "\(low)-\(low + ageBandWidth - 1)"
    }

    /// A date reduced to month (`2021-06`) or year (`2021`).
    public func date(year: Int, month: Int) -> String {
        switch datePrecision {
        case .month: return "\(year)-\(month < 10 ? "0" : "")\(month)"
        case .year: return "\(year)"
        }
    }

    /// The generalised form of a detected value, or nil when the type has none.
    public func generalise(_ value: String, as type: PIIType) -> String? {
        switch type {
        case .address:
            let district = AddressGeneraliser.district(value)
            return district.isEmpty ? nil : district
        case .residentID:
            // Province code and birth decade: the ID's own quasi-identifiers, coarsened.
            let digits = value.unicodeScalars.compactMap { s -> Int? in
                var v = s.value
                if v >= 0xFF10 && v <= 0xFF19 { v -= 0xFEE0 }
                return v >= 0x30 && v <= 0x39 ? Int(v - 0x30) : nil
            }
            guard digits.count >= 17 else { return nil }
            let year = digits[6] * 1000 + digits[7] * 100 + digits[8] * 10
            return "<CN_ID:\(digits[0])\(digits[1])0000,\(year)s>"
        default:
            return nil
        }
    }
}

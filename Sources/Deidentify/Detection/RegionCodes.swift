/// Province-level codes of GB/T 2260, the first two digits of a resident ID.
enum RegionCodes {
    /// 11–15 North, 21–23 North-East, 31–37 East, 41–46 South-Central, 50–54 South-West,
    /// 61–65 North-West, 71 Taiwan, 81 Hong Kong, 82 Macau (used on residence permits).
    static let provinces: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ]

    static func isProvince(_ code: Int) -> Bool { provinces.contains(code) }
}

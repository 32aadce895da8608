import Foundation

/// A mainland Chinese address split into administrative levels
/// (province → prefecture city → district/county → street/town → number/room),
/// the basis of the address generalisation hierarchy.
public struct AnonymityAddress: Sendable, Equatable {
    /// Province, autonomous region, municipality or SAR, if present.
    public var province: String?
    /// Prefecture-level city, prefecture, league or autonomous prefecture; a municipality is its own city.
    public var city: String?
    /// District, county, county-level city or banner.
    public var district: String?
    /// Street, sub-district, town, township or road.
    public var street: String?
    /// Whatever follows: number, building, room.
    public var rest: String

    /// How many administrative levels were recognised (0–4).
    public var depth: Int { [province, city, district, street].compactMap { $0 }.count }

    private static let municipalities = ["北京", "上海", "天津", "重庆"]
    private static let specialRegions = ["香港特别行政区", "澳门特别行政区"]
    private static let provinceSuffixes = ["自治区", "省"]
    private static let citySuffixes = ["自治州", "地区", "盟", "市"]
    private static let districtSuffixes = ["区", "县", "市", "旗"]
    private static let streetSuffixes = ["街道", "大道", "大街", "镇", "乡", "路", "街", "巷", "道"]

    /// Splits an address; returns `nil` when no administrative level is recognised.
    public static func parse(_ text: String) -> AnonymityAddress? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var address = AnonymityAddress(rest: "")
        if let region = specialRegions.first(where: { rest.hasPrefix($0) }) {
            address.province = region
            address.city = region
            rest = rest.dropFirst(region.count)
        } else if let city = municipalities.first(where: { rest.hasPrefix($0) }) {
            rest = rest.dropFirst(city.count)
            if rest.hasPrefix("市") { rest = rest.dropFirst() }
            address.province = city + "市"
            address.city = city + "市"
        } else {
            address.province = take(&rest, suffixes: provinceSuffixes, within: 12)
            address.city = take(&rest, suffixes: citySuffixes, within: 10)
        }
        address.district = take(&rest, suffixes: districtSuffixes, within: 10)
        address.street = take(&rest, suffixes: streetSuffixes, within: 16)
        address.rest = String(rest)
        return address.depth == 0 ? nil : address
    }

    /// Removes and returns the shortest prefix (at least two characters) ending in one of the suffixes.
    private static func take(_ text: inout Substring, suffixes: [String], within limit: Int) -> String? {
        let characters = Array(text.prefix(limit))
        guard characters.count >= 2 else { return nil }
        for end in 2...characters.count {
            let prefix = String(characters[0..<end])
            for suffix in suffixes where prefix.hasSuffix(suffix) {
                // "街道" must not be cut at "街", nor "大道" at "道" when the longer form follows.
                if end < characters.count, suffixes.contains(where: { $0.count > suffix.count && (prefix + String(characters[end])).hasSuffix($0) }) {
                    continue
                }
                text = text.dropFirst(end)
                return prefix
            }
        }
        return nil
    }

    static func build(column: AnonymityTable.Column) throws -> AnonymityHierarchy {
        var parsed: [AnonymityAddress] = []
        parsed.reserveCapacity(column.values.count)
        for (index, value) in column.values.enumerated() {
            guard let address = parse(value) else {
                throw AnonymityError(.invalidValue, "column \"\(column.name)\" has a value with no recognisable province, city, district or street; give the column another hierarchy", line: column.firstLines[index])
            }
            parsed.append(address)
        }
        return try AnonymityHierarchy(column: column.name, domain: column.values, levelNames: ["street", "district", "city", "province"]) { index, level in
            let address = parsed[index]
            let parts = [address.province ?? "?", address.city ?? "", address.district ?? "", address.street ?? ""]
            var kept = Array(parts.prefix(5 - level))
            // A municipality's city repeats its name; show it once.
            if kept.count >= 2, kept[0] == kept[1] { kept.remove(at: 1) }
            return kept.joined()
        }
    }
}

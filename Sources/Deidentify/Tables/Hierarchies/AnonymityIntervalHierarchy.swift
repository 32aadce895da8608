import Foundation

/// Numbers generalised to intervals whose width doubles at each level.
enum AnonymityIntervalHierarchy {
    static func build(column: AnonymityTable.Column, widths given: [Double]?) throws -> AnonymityHierarchy {
        var numbers: [Double] = []
        numbers.reserveCapacity(column.values.count)
        for (index, value) in column.values.enumerated() {
            guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                throw AnonymityError(.invalidValue, "column \"\(column.name)\" has a value that is not a number; fix it or give the column a table hierarchy", line: column.firstLines[index])
            }
            numbers.append(number)
        }
        let low = numbers.min() ?? 0
        let high = numbers.max() ?? 0
        let integral = numbers.allSatisfy { $0 == $0.rounded() }
        let widths = try given.map { try validate($0, column: column.name) } ?? automaticWidths(low: low, high: high, integral: integral)
        let names = widths.map { "width \(format($0))" }
        return try AnonymityHierarchy(column: column.name, domain: column.values, levelNames: names) { index, level in
            let width = widths[level - 1]
            let start = (numbers[index] / width).rounded(.down) * width
            if integral && width == width.rounded() {
                return "\(format(start))-\(format(start + width - 1))"
            }
            return "[\(format(start)),\(format(start + width)))"
        }
    }

    /// Widths from a 1-2-5 base of about a twentieth of the range, doubling until one interval would cover everything.
    static func automaticWidths(low: Double, high: Double, integral: Bool) -> [Double] {
        let range = high - low
        guard range > 0 else { return [] }
        let rough = range / 20
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        var base = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        if integral { base = max(1, base.rounded()) }
        var widths: [Double] = []
        var width = base
        while (low / width).rounded(.down) != (high / width).rounded(.down) && widths.count < 40 {
            widths.append(width)
            width *= 2
        }
        return widths
    }

    private static func validate(_ widths: [Double], column: String) throws -> [Double] {
        for (index, width) in widths.enumerated() {
            guard width > 0, width.isFinite else {
                throw AnonymityError(.invalidHierarchy, "interval widths for column \"\(column)\" must be positive numbers")
            }
            if index > 0 {
                let ratio = width / widths[index - 1]
                guard ratio > 1, ratio == ratio.rounded() else {
                    throw AnonymityError(.invalidHierarchy, "interval widths for column \"\(column)\" must grow and each must be a whole multiple of the previous one, so intervals nest")
                }
            }
        }
        return widths
    }

    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

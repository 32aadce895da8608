/// A QR Code symbol (ISO/IEC 18004:2015, Model 2), encoded from text or bytes.
///
/// The encoder picks the smallest version 1–40 whose capacity at the chosen
/// error-correction level holds the data in a single segment of the chosen
/// mode, then evaluates all eight masks and keeps the one with the lowest
/// penalty (§7.8.3).
///
/// ```swift
/// let code = try QRCode(encoding: "HC1:6BF+70790T9WJWG.FKY*4GO0", level: .q)
/// let png = try code.png(moduleSize: 4, quietZone: 4)
/// ```
public struct QRCode: Sendable, Hashable {
    /// Version number, 1–40 (§5.3.1).
    public let version: Int
    /// Error-correction level.
    public let level: ErrorCorrectionLevel
    /// The mode the data was encoded in (never `.automatic`).
    public let mode: Mode
    /// The data mask pattern reference applied, 0–7 (§7.8.2).
    public let mask: Int
    /// The module grid.
    public let matrix: QRMatrix

    /// Modules per side, without quiet zone.
    public var size: Int { matrix.size }

    /// Encodes text.
    ///
    /// - Parameters:
    ///   - text: the data; in byte mode it is written as UTF-8.
    ///   - level: the error-correction level.
    ///   - mode: the encoding mode; `.automatic` picks numeric, alphanumeric
    ///     or byte from the characters present.
    ///   - minimumVersion: the smallest version to consider (1–40).
    ///   - mask: a fixed mask pattern 0–7, or `nil` to choose by penalty.
    /// - Throws: `QRCodeError` `.invalidCharacter` when the text does not fit
    ///   the mode, `.dataTooLong` when it exceeds version 40's capacity,
    ///   `.invalidArgument` for an out-of-range version or mask.
    public init(
        encoding text: String, level: ErrorCorrectionLevel = .m, mode: Mode = .automatic,
        minimumVersion: Int = 1, mask: Int? = nil
    ) throws {
        let segment = try QRSegment.make(utf8: Array(text.utf8), mode: mode)
        try self.init(segment: segment, level: level, minimumVersion: minimumVersion, mask: mask)
    }

    /// Encodes arbitrary bytes in byte mode.
    ///
    /// - Throws: as `init(encoding:level:mode:minimumVersion:mask:)`.
    public init(bytes: [UInt8], level: ErrorCorrectionLevel = .m, minimumVersion: Int = 1, mask: Int? = nil) throws {
        try self.init(segment: QRSegment.bytes(bytes), level: level, minimumVersion: minimumVersion, mask: mask)
    }

    /// Encodes an EU DCC "HC1:" string in alphanumeric mode at level Q, the
    /// encoding the DCC technical specification recommends for its codes.
    ///
    /// The Base45 alphabet (RFC 9285) is exactly the alphanumeric character
    /// set, so any well-formed payload fits the mode.
    ///
    /// - Throws: `.invalidCharacter` for a character outside that set,
    ///   `.dataTooLong` beyond 2,420 characters (the capacity of version 40-Q).
    public init(healthCertificate payload: String) throws {
        try self.init(encoding: payload, level: .q, mode: .alphanumeric)
    }

    init(segment: QRSegment, level: ErrorCorrectionLevel, minimumVersion: Int, mask: Int?) throws {
        guard QRVersion.range.contains(minimumVersion) else {
            throw QRCodeError(.invalidArgument, "minimum version \(minimumVersion) is outside 1…40")
        }
        if let mask, !QRMask.all.contains(mask) {
            throw QRCodeError(.invalidArgument, "mask \(mask) is outside 0…7")
        }
        guard let version = Self.smallestVersion(for: segment, level: level, from: minimumVersion) else {
            let needed = segment.bitLength(version: 40)
            let capacity = QRVersion.dataCodewords(40, level) * 8
            throw QRCodeError(
                .dataTooLong,
                "\(segment.characterCount) characters in \(segment.mode) mode need \(needed) bits but version 40-\(level) holds \(capacity); "
                    + "shorten the data or choose a lower error-correction level")
        }
        let data = QRCodewords.data(for: segment, version: version, level: level)
        let codewords = QRCodewords.interleaved(data: data, version: version, level: level)
        let template = QRTemplate.cached(version)
        let unmasked = Self.place(codewords, in: template)
        let (chosen, modules) = Self.chooseMask(unmasked, template: template, level: level, fixed: mask)
        self.version = version
        self.level = level
        self.mode = segment.mode
        self.mask = chosen
        self.matrix = QRMatrix(size: template.size, modules: modules)
    }

    /// The smallest version ≥ `minimum` whose data capacity holds `segment`
    /// and whose count indicator can express its length.
    static func smallestVersion(for segment: QRSegment, level: ErrorCorrectionLevel, from minimum: Int) -> Int? {
        (minimum...40).first { version in
            segment.characterCount < 1 << segment.mode.characterCountBits(version: version)
                && segment.bitLength(version: version) <= QRVersion.dataCodewords(version, level) * 8
        }
    }

    /// Writes the codewords' bits, most significant first, along the
    /// template's placement order; remainder bits stay light (§7.7.3).
    static func place(_ codewords: [UInt8], in template: QRTemplate) -> [UInt8] {
        var modules = template.modules
        let order = template.placementOrder
        precondition(codewords.count * 8 <= order.count)
        for (index, codeword) in codewords.enumerated() {
            for bit in 0..<8 {
                modules[Int(order[index * 8 + bit])] = (codeword >> UInt8(7 - bit)) & 1
            }
        }
        return modules
    }

    /// Applies each candidate mask and keeps the lowest-penalty result (ties
    /// go to the lower pattern reference), then adds format and version
    /// information. Following the encoding procedure of §7.1 (step 6 masks
    /// and evaluates, step 7 adds format and version information), those
    /// areas are still light while masks are scored.
    static func chooseMask(
        _ unmasked: [UInt8], template: QRTemplate, level: ErrorCorrectionLevel, fixed: Int?
    ) -> (mask: Int, modules: [UInt8]) {
        let size = template.size
        let rows = QRLineBits.rows(of: unmasked, size: size)
        var bestMask = fixed ?? 0
        if fixed == nil {
            let columns = QRLineBits.columns(of: unmasked, size: size)
            var bestPenalty = Int.max
            for mask in QRMask.all {
                let penalty = QRPenalty.score(
                    rows: QRMask.masked(rows, QRMask.rowPatterns[mask], template.dataRows),
                    columns: QRMask.masked(columns, QRMask.columnPatterns[mask], template.dataColumns),
                    size: size
                ).total
                if penalty < bestPenalty { (bestMask, bestPenalty) = (mask, penalty) }
            }
        }
        let maskedRows = QRMask.masked(rows, QRMask.rowPatterns[bestMask], template.dataRows)
        var bestModules = QRLineBits.modules(rows: maskedRows, size: size)
        QRMask.drawFormatAndVersion(
            level: level, mask: bestMask, version: template.version, into: &bestModules, size: template.size)
        return (bestMask, bestModules)
    }
}

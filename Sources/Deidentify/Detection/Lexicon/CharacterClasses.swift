/// Per-character flags for the Basic Multilingual Plane, so recognizers test membership in
/// their character lists with one array load instead of a hash lookup.
enum CharacterClasses {
    static let surname: UInt16 = 1 << 0
    static let compoundSurnameInitial: UInt16 = 1 << 1
    static let plateProvince: UInt16 = 1 << 2
    static let firstUnitEnding: UInt16 = 1 << 3
    static let provinceInitial: UInt16 = 1 << 4
    static let nameCueLast: UInt16 = 1 << 5
    static let titleInitial: UInt16 = 1 << 6
    static let fieldDelimiter: UInt16 = 1 << 7
    static let leadWordLast: UInt16 = 1 << 8
    static let unitSuffixInitial: UInt16 = 1 << 9
    static let negativeCueLast: UInt16 = 1 << 10

    /// Flags whose positions `ScanText` records in `marks` for the name and address recognizers.
    static let positionMarks: UInt16 = firstUnitEnding | provinceInitial | fieldDelimiter | nameCueLast | titleInitial

    /// Whether a scalar carries one of `positionMarks`, for U+0000–U+007F and the CJK
    /// block U+4E00–U+9FFF only (every marked character lies there): a table small enough
    /// to stay in cache while `ScanText` decodes.
    static let markTable: [Bool] = {
        var m = [Bool](repeating: false, count: 0x80 + 0x5200)
        for v in 0..<0x10000 where table[v] & positionMarks != 0 {
            if v < 0x80 { m[v] = true } else if v >= 0x4E00 && v < 0xA000 { m[0x80 + v - 0x4E00] = true }
        }
        return m
    }()

    /// Flags indexed by scalar value (U+0000–U+FFFF).
    static let table: [UInt16] = {
        var t = [UInt16](repeating: 0, count: 0x10000)
        func mark(_ values: some Sequence<UInt32>, _ flag: UInt16) {
            for v in values where v < 0x10000 { t[Int(v)] |= flag }
        }
        mark(Surnames.single, surname)
        mark(Surnames.compound.map { $0[0] }, compoundSurnameInitial)
        mark(PlateRecognizer.provinces, plateProvince)
        mark(AddressLexicon.firstUnitEndings, firstUnitEnding)
        mark(AddressLexicon.provinceInitials, provinceInitial)
        mark(NameCues.before.map { $0[$0.count - 1] }, nameCueLast)
        mark(NameCues.titles.map { $0[0] }, titleInitial)
        mark([0x0A, 0x0D, 0x09, 0x7C, 0x2C, 0x22, 0x3B], fieldDelimiter)
        mark(AddressLexicon.leadWords.map { $0[$0.count - 1] }, leadWordLast)
        mark(AddressLexicon.suffixes.map { $0.word[0] }, unitSuffixInitial)
        mark(ContextCues.negative.map { $0[$0.count - 1] }, negativeCueLast)
        return t
    }()
}

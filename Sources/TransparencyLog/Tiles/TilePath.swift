/// A C2SP tlog-tiles resource path: `tile/<L>/<N>[.p/<W>]` for hash tiles and
/// `tile/entries/<N>[.p/<W>]` for entry bundles.
///
/// `N` is written as 3-digit path elements, every one but the last prefixed
/// with `x` (1234067 → `x001/x234/067`); `.p/<W>` marks a partial tile of
/// `W` (1–255) items. A hash tile at level L holds the hashes of tree level
/// 8·L, nodes `N·256 ..< N·256 + W`.
public struct TilePath: Hashable, Sendable, CustomStringConvertible {
    /// Items in a full tile.
    public static let fullWidth = 256
    /// The highest tile level (C2SP tlog-tiles: L ≤ 63).
    public static let maximumLevel: UInt8 = 63

    /// The tile level, or `nil` for an entry bundle.
    public var level: UInt8?
    /// The tile index within its level.
    public var index: UInt64
    /// How many hashes or entries the tile holds (256 for a full tile).
    public var width: Int

    /// A hash tile.
    ///
    /// - Throws: ``LogError/Code/malformedTilePath`` for a level above 63 or a width outside 1–256.
    public init(level: UInt8, index: UInt64, width: Int = TilePath.fullWidth) throws {
        guard level <= Self.maximumLevel else {
            throw LogError(.malformedTilePath, "tile level \(level) is above the maximum \(Self.maximumLevel)")
        }
        try self.init(optionalLevel: level, index: index, width: width)
    }

    /// An entry bundle path.
    public static func entries(index: UInt64, width: Int = TilePath.fullWidth) throws -> TilePath {
        try TilePath(optionalLevel: nil, index: index, width: width)
    }

    init(optionalLevel level: UInt8?, index: UInt64, width: Int) throws {
        guard index <= Self.maximumIndex else {
            throw LogError(.malformedTilePath, "tile index \(index) is above the maximum \(Self.maximumIndex)")
        }
        guard (1...Self.fullWidth).contains(width) else {
            throw LogError(.malformedTilePath, "tile width \(width) is outside 1...\(Self.fullWidth)")
        }
        self.level = level
        self.index = index
        self.width = width
    }

    /// Whether this is an entry bundle rather than a hash tile.
    public var isEntryBundle: Bool { level == nil }

    /// The tree level whose node hashes a hash tile holds (8·L; above 63 no tree reaches).
    public var treeLevel: Int? { level.map { Int($0) * 8 } }

    /// The largest tile index whose items are addressable with 64-bit indices.
    public static let maximumIndex: UInt64 = UInt64.max / UInt64(fullWidth) - 1

    /// The node (or entry) indices the tile covers.
    public var itemRange: Range<UInt64> {
        let first = index * UInt64(Self.fullWidth)
        return first..<(first + UInt64(width))
    }

    /// The path relative to the log prefix, e.g. `tile/1/x001/234.p/17`.
    public var path: String {
        var groups: [String] = []
        var rest = index
        repeat {
            let group = String(rest % 1000)
            groups.append(String(repeating: "0", count: 3 - group.count) + group)
            rest /= 1000
        } while rest > 0
        let elements = groups.reversed().enumerated().map { offset, group in
            offset == groups.count - 1 ? group : "x" + group
        }
        let partial = width == Self.fullWidth ? "" : ".p/\(width)"
        return "tile/\(level.map(String.init) ?? "entries")/\(elements.joined(separator: "/"))\(partial)"
    }

    /// The path.
    public var description: String { path }
}

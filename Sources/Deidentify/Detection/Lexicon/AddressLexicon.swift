/// Words of Chinese postal addresses: administrative units (GB/T 2260 levels), roads and
/// house numbers.
enum AddressLexicon {
    /// Province-level divisions by their full names.
    static let provinces: [[UInt32]] = [
        "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省",
        "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
        "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省", "内蒙古自治区", "广西壮族自治区",
        "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区", "香港特别行政区", "澳门特别行政区",
    ].map(\.scalarValues)

    /// First characters of `provinces`, to skip most positions with one lookup.
    static let provinceInitials: Set<UInt32> = Set(provinces.map { $0[0] })

    /// Kinds of address unit.
    enum UnitKind { case administrative, road }

    /// Unit suffixes, longest first so 自治州 wins over 州.
    static let suffixes: [(word: [UInt32], kind: UnitKind)] = ([
        ("特别行政区", .administrative), ("自治区", .administrative), ("自治州", .administrative),
        ("自治县", .administrative), ("自治旗", .administrative), ("地区", .administrative),
        ("街道", .administrative), ("社区", .administrative), ("开发区", .administrative),
        ("大道", .road), ("大街", .road), ("胡同", .road),
        ("省", .administrative), ("市", .administrative), ("区", .administrative), ("县", .administrative),
        ("州", .administrative), ("盟", .administrative), ("旗", .administrative), ("镇", .administrative),
        ("乡", .administrative),
        ("村", .road), ("路", .road), ("街", .road), ("道", .road), ("巷", .road), ("弄", .road), ("里", .road),
    ] as [(String, UnitKind)]).map { ($0.0.scalarValues, $0.1) }

    /// Characters that end the first administrative unit of an address.
    static let firstUnitEndings: Set<UInt32> = Set("省市区县州盟旗".scalarValues)

    /// Units that follow a house, building or room number, longest first.
    static let numberUnits: [[UInt32]] = [
        "号楼", "号院", "单元", "号", "栋", "幢", "座", "楼", "层", "室", "组", "户", "弄",
    ].map(\.scalarValues)

    /// Words that introduce an address and are not part of it.
    static let leadWords: [[UInt32]] = [
        "收货地址", "注册地址", "居住地址", "户籍地址", "地址", "住址", "家住", "现住", "居住于", "居住在",
        "住在", "位于", "寄到", "寄往", "送到", "送往", "发往", "前往", "来自", "在", "于", "到", "住", "至",
        "往", "是", "为", "址",
    ].map(\.scalarValues)
}

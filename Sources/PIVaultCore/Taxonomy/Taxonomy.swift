/// The data categories a vault knows: the GB/T 35273 built-ins plus any a
/// configuration adds.
public struct Taxonomy: Sendable, Hashable {
    /// Categories by id.
    public private(set) var categories: [String: DataCategory]

    /// Creates a taxonomy from the built-in categories and `additional` ones;
    /// an additional category with a built-in id replaces it.
    public init(additional: [DataCategory] = []) {
        var all: [String: DataCategory] = [:]
        for category in Self.gbt35273 { all[category.id] = category }
        for category in additional { all[category.id] = category }
        self.categories = all
    }

    /// The category with this id, if known.
    public subscript(id: String) -> DataCategory? { categories[id] }

    /// Whether the category with this id is sensitive (unknown ids are treated as sensitive, the safe side).
    public func isSensitive(_ id: String) -> Bool { categories[id]?.sensitive ?? true }

    /// The categories of GB/T 35273-2020 Appendix A/B, with PIPL Art. 28's sensitive flag.
    public static let gbt35273: [DataCategory] = [
        DataCategory(id: "basic", name: "Personal basic information", nameZH: "个人基本资料", sensitive: false),
        DataCategory(id: "contact", name: "Contact information", nameZH: "个人联系方式", sensitive: false),
        DataCategory(id: "identity", name: "Identity documents", nameZH: "个人身份信息", sensitive: true),
        DataCategory(id: "biometric", name: "Biometric information", nameZH: "个人生物识别信息", sensitive: true),
        DataCategory(id: "health", name: "Health and physiological information", nameZH: "个人健康生理信息", sensitive: true),
        DataCategory(id: "financial", name: "Property and financial information", nameZH: "个人财产信息", sensitive: true),
        DataCategory(id: "location", name: "Whereabouts and precise location", nameZH: "个人位置信息/行踪轨迹", sensitive: true),
        DataCategory(id: "online-identifier", name: "Online identifiers", nameZH: "网络身份标识信息", sensitive: false),
        DataCategory(id: "credentials", name: "Account credentials", nameZH: "账户鉴别信息", sensitive: true),
        DataCategory(id: "communication", name: "Communication content", nameZH: "通信信息", sensitive: true),
        DataCategory(id: "contacts", name: "Contacts list", nameZH: "联系人信息", sensitive: true),
        DataCategory(id: "online-activity", name: "Browsing and usage records", nameZH: "个人上网记录", sensitive: true),
        DataCategory(id: "device", name: "Device information", nameZH: "个人常用设备信息", sensitive: false),
        DataCategory(id: "education-work", name: "Education and work", nameZH: "个人教育工作信息", sensitive: false),
        DataCategory(id: "minor", name: "Information of minors under 14", nameZH: "不满十四周岁未成年人的个人信息", sensitive: true),
        DataCategory(id: "religion", name: "Religious belief", nameZH: "宗教信仰", sensitive: true),
        DataCategory(id: "specific-identity", name: "Specific identity", nameZH: "特定身份", sensitive: true),
        DataCategory(id: "pseudonymous", name: "Pseudonymous identifiers", nameZH: "去标识化标识符", sensitive: false),
    ]
}

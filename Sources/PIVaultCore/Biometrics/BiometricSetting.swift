/// Where a biometric purpose's capture devices are (PIPL Art. 26): in a public
/// place, which needs prominent signage, or somewhere private.
public enum BiometricSetting: String, Sendable, Hashable, CaseIterable, Codable {
    /// A public place, with signs saying that capture happens.
    case publicPlaceWithSignage = "public-place-with-signage"
    /// Not a public place.
    case `private` = "private"

    /// How notices state the setting.
    public var noticeText: String {
        switch self {
        case .publicPlaceWithSignage: "capture devices in public places, marked with prominent signs"
        case .private: "capture outside public places"
        }
    }

    /// How Chinese notices state the setting.
    public var noticeTextZH: String {
        switch self {
        case .publicPlaceWithSignage: "在公共场所采集，并设置显著提示标识"
        case .private: "在非公共场所采集"
        }
    }
}

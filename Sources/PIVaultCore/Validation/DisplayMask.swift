/// Masked display forms of values, following GB/T 35273-2020 practice:
/// show only what a person needs to recognise their own data.
public enum DisplayMask {
    /// The masked form of `value` for a field of `type`.
    ///
    /// Resident IDs keep the first 6 and last 4 characters; mainland mobiles the
    /// first 3 and last 4 digits; e-mail the first character of the local part
    /// and the domain; text its first character; everything else is hidden.
    public static func mask(_ value: JSONValue, type: FieldType) -> String {
        guard case .string(let text) = value else { return "****" }
        let characters = Array(text)
        switch type {
        case .residentID where characters.count == 18:
            return String(characters.prefix(6)) + String(repeating: "*", count: 8) + String(characters.suffix(4))
        case .mobile:
            let national = text.hasPrefix("+86") ? Array(text.dropFirst(3)) : characters
            guard national.count >= 7 else { return "****" }
            return String(national.prefix(3)) + String(repeating: "*", count: national.count - 7) + String(national.suffix(4))
        case .email:
            guard let at = characters.firstIndex(of: "@"), at > 0 else { return "****" }
            return String(characters[0]) + "***" + String(characters[at...])
        case .text where !characters.isEmpty:
            return String(characters[0]) + String(repeating: "*", count: max(1, min(characters.count - 1, 3)))
        default:
            return "****"
        }
    }
}

import Foundation

extension PIIScanner.Configuration {
    /// A configuration reporting only the comma-separated type names in `list` (corpus
    /// names such as `CN_ID,PERSON`); every type when `list` is nil.
    public init(typeList list: String?) throws {
        guard let list else { self.init(); return }
        var types: Set<PIIType> = []
        for name in list.split(separator: ",") {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard let t = PIIType(rawValue: trimmed.uppercased()) else {
                throw PIIError(code: .invalidArgument, message: "unknown type \"\(trimmed)\"; known: \(PIIType.allCases.map(\.rawValue).sorted().joined(separator: ", "))")
            }
            types.insert(t)
        }
        self.init(types: types)
    }
}

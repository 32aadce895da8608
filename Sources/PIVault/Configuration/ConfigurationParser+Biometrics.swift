import PIVaultCore
import Yams

extension ConfigurationParser {
    /// The keys a `type: biometric` field may carry.
    static let biometricFieldKeys: Set<String> = ["modality", "dimensions", "raw_capture"]
    /// The keys with which a purpose declares its use of biometric information (PIPL Art. 26, 29).
    static let biometricPurposeKeys: Set<String> = ["alternative", "setting", "identification", "match_threshold"]

    /// A `type: biometric` field: its modality, its template size and whether raw capture is allowed (PIPL Art. 28).
    func biometricType(_ map: [String: Node], node: Node, path: String) -> FieldType? {
        var modality: BiometricModality?
        if let text = cursor.string(map["modality"], at: "\(path).modality", required: true, parent: node) {
            modality = BiometricModality(rawValue: text)
            if modality == nil {
                cursor.report(map["modality"], "\(path) has unknown modality '\(text)'; use one of \(BiometricModality.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        var dimensions: Int?
        if let dimensionNode = map["dimensions"] {
            if let value = dimensionNode.int, (1...BiometricSpec.maximumDimensions).contains(value) {
                dimensions = value
            } else {
                cursor.report(dimensionNode, "\(path).dimensions must be a whole number from 1 to \(BiometricSpec.maximumDimensions): the size of the template")
            }
        } else {
            cursor.report(node, "\(path) is biometric; give the template size with 'dimensions'")
        }
        let rawCapture = cursor.bool(map["raw_capture"], at: "\(path).raw_capture") ?? false
        guard let modality, let dimensions else { return nil }
        return .biometric(BiometricSpec(modality: modality, dimensions: dimensions, rawCapture: rawCapture))
    }

    /// A purpose's biometric declarations; the checker decides which are required.
    func biometricUse(_ map: [String: Node], path: String) -> BiometricUse {
        var use = BiometricUse()
        use.alternative = cursor.string(map["alternative"], at: "\(path).alternative")
        if let text = cursor.string(map["setting"], at: "\(path).setting") {
            use.setting = BiometricSetting(rawValue: text)
            if use.setting == nil {
                cursor.report(map["setting"], "\(path).setting '\(text)' is unknown; use one of \(BiometricSetting.allCases.map(\.rawValue).joined(separator: ", ")) (PIPL Art. 26)")
            }
        }
        use.identification = cursor.bool(map["identification"], at: "\(path).identification") ?? false
        if let node = map["match_threshold"] {
            if let value = node.float, value > 0, value <= 1 {
                use.threshold = value
            } else {
                cursor.report(node, "\(path).match_threshold must be a number above 0 and at most 1: the cosine similarity a 1:1 match must reach")
            }
        }
        return use
    }

    /// The `biometrics:` section: when a filing with the authority becomes due.
    func biometrics(_ node: Node, into parsed: inout ParsedConfiguration) {
        let map = cursor.mapping(node, at: "biometrics", allowed: ["filing_threshold"])
        guard let thresholdNode = map["filing_threshold"] else { return }
        guard let value = thresholdNode.int, value > 0 else {
            cursor.report(thresholdNode, "biometrics.filing_threshold must be a positive whole number of people")
            return
        }
        parsed.biometricFilingThreshold = value
    }
}

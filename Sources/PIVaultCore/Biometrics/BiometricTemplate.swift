import Foundation

/// A biometric template: the only form in which the vault keeps biometric
/// information (PIPL Art. 28–29; GB/T 35273 §6.3: store a summary, not the
/// original). It is a vector of finite numbers of the size its standard declares.
public struct BiometricTemplate: Sendable, Hashable {
    /// The values.
    public var values: [Double]
    /// The modality.
    public var modality: BiometricModality
    /// Whether the vault derived it from a raw capture (which it then discarded).
    public var derivedFromRaw: Bool

    /// Creates a template.
    public init(values: [Double], modality: BiometricModality, derivedFromRaw: Bool = false) {
        self.values = values
        self.modality = modality
        self.derivedFromRaw = derivedFromRaw
    }

    // MARK: Submissions

    /// Reads a submitted biometric value for `field`, checking it against `spec`.
    ///
    /// Accepted forms: an array of numbers (the template); an object with a
    /// `template` array and optionally `modality`; or, only where the standard
    /// declares `raw_capture: true`, an object with a base64 `image`, from
    /// which the template is derived by ``derive(from:dimensions:)``.
    /// Errors name the field and the rule, never a value.
    public static func parse(_ value: JSONValue, field: String, spec: BiometricSpec) throws(VaultError) -> BiometricTemplate {
        func fail(_ rule: String, article: String? = "PIPL Art. 28") -> VaultError {
            VaultError(.invalidInput, "biometric field '\(field)': \(rule); nothing was stored", fieldPath: field, article: article)
        }
        var members: [String: JSONValue] = [:]
        switch value {
        case .array: members = ["template": value]
        case .object(let object): members = object
        default: throw fail("expected a template (an array of \(spec.dimensions) numbers) or an object with 'template', got \(value.typeName)")
        }
        let unknown = members.keys.filter { !["modality", "template", "image"].contains($0) }.sorted()
        if let first = unknown.first { throw fail("unknown member '\(first)'; use 'modality', 'template' or 'image'") }
        if let given = members["modality"] {
            guard case .string(let text) = given, let modality = BiometricModality(rawValue: text) else {
                throw fail("'modality' must be one of \(BiometricModality.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard modality == spec.modality else {
                throw fail("the standard declares modality '\(spec.modality.rawValue)' but the submission is '\(modality.rawValue)'; submit a \(spec.modality.rawValue) template")
            }
        }
        switch (members["template"], members["image"]) {
        case (.some, .some):
            throw fail("give either 'template' or 'image', not both")
        case (.some(let template), nil):
            return BiometricTemplate(values: try vector(template, spec: spec, fail: { fail($0) }), modality: spec.modality)
        case (nil, .some(let image)):
            guard spec.rawCapture else {
                throw fail("the submission carries a raw image, and the standard does not declare 'raw_capture: true'; submit only the template (a vector of \(spec.dimensions) numbers)", article: "PIPL Art. 28–29")
            }
            guard case .string(let text) = image, let bytes = Data(base64Encoded: text, options: .ignoreUnknownCharacters), bytes.count >= spec.dimensions else {
                throw fail("'image' must be base64 of at least \(spec.dimensions) bytes")
            }
            guard let values = derive(from: bytes, dimensions: spec.dimensions) else {
                throw fail("the image yields no usable template (its bytes are uniform); capture it again")
            }
            return BiometricTemplate(values: values, modality: spec.modality, derivedFromRaw: true)
        case (nil, nil):
            throw fail("the object has neither 'template' nor 'image'")
        }
    }

    /// Checks a template vector: an array of exactly `spec.dimensions` finite
    /// numbers, not all zero (a zero vector cannot be compared).
    public static func vector(_ value: JSONValue, spec: BiometricSpec, fail: (String) -> VaultError) throws(VaultError) -> [Double] {
        guard case .array(let items) = value else { throw fail("'template' must be an array of \(spec.dimensions) numbers") }
        guard items.count == spec.dimensions else {
            throw fail("the template has \(items.count) values but the standard declares \(spec.dimensions) dimensions")
        }
        var values: [Double] = []
        values.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard case .number(let number) = item, number.isFinite else {
                throw fail("value \(index) of the template is not a finite number")
            }
            values.append(number)
        }
        guard values.contains(where: { $0 != 0 }) else { throw fail("the template is all zeros and cannot be matched") }
        return values
    }

    /// Derives a template from raw capture bytes — the documented, deterministic
    /// derivation the vault applies where a standard allows raw capture.
    ///
    /// The bytes are cut into `dimensions` contiguous buckets of near-equal
    /// length (bucket *i* holds bytes ⌊i·n/d⌋ ..< ⌊(i+1)·n/d⌋); each value is
    /// the bucket's mean byte minus 127.5; the vector is then L2-normalised.
    /// Returns nil when every value is zero (nothing to normalise).
    public static func derive(from bytes: Data, dimensions: Int) -> [Double]? {
        let raw = [UInt8](bytes)
        guard dimensions > 0, raw.count >= dimensions else { return nil }
        var values = [Double](repeating: 0, count: dimensions)
        for index in 0..<dimensions {
            let start = index * raw.count / dimensions
            let end = (index + 1) * raw.count / dimensions
            var sum = 0.0
            for byte in raw[start..<end] { sum += Double(byte) }
            values[index] = sum / Double(end - start) - 127.5
        }
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return nil }
        return values.map { $0 / norm }
    }

    // MARK: Comparison and storage

    /// The cosine similarity of two vectors of the same size, in [-1, 1]; 0 when either is zero.
    public static func cosineSimilarity(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return 0 }
        var dot = 0.0, normA = 0.0, normB = 0.0
        for index in a.indices {
            dot += a[index] * b[index]
            normA += a[index] * a[index]
            normB += b[index] * b[index]
        }
        guard normA > 0, normB > 0 else { return 0 }
        return max(-1, min(1, dot / (normA.squareRoot() * normB.squareRoot())))
    }

    /// The values as little-endian IEEE 754 doubles — the plaintext that is sealed.
    public var encoded: Data {
        var data = Data(capacity: values.count * 8)
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// Values from their encoded form; nil when the length is not a multiple of 8.
    public static func decode(_ data: Data) -> [Double]? {
        guard data.count % 8 == 0 else { return nil }
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count, by: 8).map { offset in
            var bits: UInt64 = 0
            for shift in 0..<8 { bits |= UInt64(bytes[offset + shift]) << (8 * shift) }
            return Double(bitPattern: bits)
        }
    }
}

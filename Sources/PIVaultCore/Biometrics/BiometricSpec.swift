/// What a biometric field of a collection standard holds: a template of one
/// modality with a fixed number of dimensions. The vault never keeps a raw
/// capture; `rawCapture` only allows a submission to carry one, from which the
/// vault derives the template and then discards the bytes.
public struct BiometricSpec: Sendable, Hashable {
    /// The modality of the templates.
    public var modality: BiometricModality
    /// The exact number of values in a template.
    public var dimensions: Int
    /// Whether a submission may carry a raw capture instead of a template.
    public var rawCapture: Bool

    /// The largest template the vault accepts.
    public static let maximumDimensions = 4096

    /// Creates a specification.
    public init(modality: BiometricModality, dimensions: Int, rawCapture: Bool = false) {
        self.modality = modality
        self.dimensions = dimensions
        self.rawCapture = rawCapture
    }
}

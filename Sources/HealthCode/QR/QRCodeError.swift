/// An error raised while encoding or rendering a QR Code (ISO/IEC 18004).
///
/// Messages name sizes, positions and limits only — never the encoded text —
/// so an error can be logged without leaking the payload it was given.
public struct QRCodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable error category.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case dataTooLong, invalidCharacter, invalidArgument, imageEncoding
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The data does not fit in a version 40 symbol at the chosen level and mode.
        public static let dataTooLong = Code(.dataTooLong)
        /// A character cannot be represented in the requested encoding mode.
        public static let invalidCharacter = Code(.invalidCharacter)
        /// A parameter (mask, version, module size, quiet zone) is out of range.
        public static let invalidArgument = Code(.invalidArgument)
        /// The image could not be produced (compression failed).
        public static let imageEncoding = Code(.imageEncoding)

        /// The stable name of the code.
        public var description: String { base.rawValue }
    }

    /// The error category.
    public var code: Code
    /// What was wrong and what to do; never contains the encoded data.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `code: message`.
    public var description: String { "\(code): \(message)" }
}

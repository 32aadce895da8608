/// A configuration that could not be loaded, with every problem found.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The file, for messages.
    public var file: String
    /// Every problem, in file order.
    public var problems: [ConfigurationProblem]

    /// Creates an error.
    public init(file: String, problems: [ConfigurationProblem]) {
        self.file = file
        self.problems = problems
    }

    /// One line per problem, `FILE:LINE:COLUMN: message`.
    public var description: String {
        problems.map { "\(file):\($0)" }.joined(separator: "\n")
    }
}

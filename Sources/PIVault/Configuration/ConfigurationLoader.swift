import Foundation
import PIVaultCore
import Yams

/// Reads a vault configuration from YAML and checks it, reporting every
/// problem with its line and column and what to do.
public enum ConfigurationLoader {
    /// Loads the file at `path`.
    public static func load(path: String) throws -> VaultConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(file: path, problems: [ConfigurationProblem(line: 1, column: 1,
                message: "cannot read the configuration; create one with `pivault init` or pass --config FILE")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, problems: [ConfigurationProblem(line: 1, column: 1, message: "the file is not UTF-8 text")])
        }
        return try load(yaml: text, file: path)
    }

    /// Loads configuration text; `file` names it in errors.
    public static func load(yaml: String, file: String = "pivault.yaml") throws -> VaultConfiguration {
        let (configuration, problems) = check(yaml: yaml)
        guard let configuration, problems.isEmpty else {
            throw ConfigurationError(file: file, problems: problems)
        }
        return configuration
    }

    /// Parses and checks configuration text, returning the configuration (when
    /// it could be built) and every problem, sorted by position.
    public static func check(yaml: String) -> (VaultConfiguration?, [ConfigurationProblem]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return (nil, [problem(from: error)])
        } catch {
            return (nil, [ConfigurationProblem(line: 1, column: 1, message: "the file is not valid YAML")])
        }
        guard let root else {
            return (nil, [ConfigurationProblem(line: 1, column: 1, message: "the configuration is empty; start from `pivault init`")])
        }
        let cursor = YAMLCursor()
        let parsed = ConfigurationParser(cursor: cursor).parse(root)
        ConfigurationChecker(cursor: cursor, parsed: parsed).check()
        let problems = cursor.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return (parsed.configuration, problems)
    }

    static func problem(from error: YamlError) -> ConfigurationProblem {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigurationProblem(line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        default:
            return ConfigurationProblem(line: 1, column: 1, message: "YAML syntax: \(error)")
        }
    }
}

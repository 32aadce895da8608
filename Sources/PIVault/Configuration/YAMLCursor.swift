import Yams

/// Walks a YAML node tree, collecting problems with their positions instead
/// of stopping at the first, so `config check` reports everything at once.
final class YAMLCursor {
    private(set) var problems: [ConfigurationProblem] = []

    func report(_ node: Node?, _ message: String) {
        let mark = node?.mark
        problems.append(ConfigurationProblem(line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    /// The mapping's entries by key, reporting keys not in `allowed` and duplicates.
    func mapping(_ node: Node?, at path: String, allowed: Set<String>) -> [String: Node] {
        guard let node else { return [:] }
        guard case .mapping(let mapping) = node else {
            report(node, "'\(path)' must be a mapping of keys to values")
            return [:]
        }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else {
                report(key, "keys in '\(path)' must be plain strings")
                continue
            }
            if !allowed.contains(name) {
                report(key, "unknown key '\(name)' in '\(path)'; allowed keys are \(allowed.sorted().joined(separator: ", "))")
                continue
            }
            if entries[name] != nil {
                report(key, "key '\(name)' appears twice in '\(path)'; keep one")
                continue
            }
            entries[name] = value
        }
        return entries
    }

    func sequence(_ node: Node?, at path: String) -> [Node] {
        guard let node else { return [] }
        guard case .sequence(let sequence) = node else {
            report(node, "'\(path)' must be a list")
            return []
        }
        return Array(sequence)
    }

    func string(_ node: Node?, at path: String, required: Bool = false, parent: Node? = nil) -> String? {
        guard let node else {
            if required { report(parent, "'\(path)' is missing; add it") }
            return nil
        }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            report(node, "'\(path)' must be a non-empty text value")
            return nil
        }
        return scalar.string
    }

    func bool(_ node: Node?, at path: String) -> Bool? {
        guard let node else { return nil }
        guard let value = node.bool else {
            report(node, "'\(path)' must be true or false")
            return nil
        }
        return value
    }

    func strings(_ node: Node?, at path: String) -> [(String, Node)] {
        sequence(node, at: path).compactMap { item in
            string(item, at: "\(path)[]").map { ($0, item) }
        }
    }
}

import Foundation

/// Runs EU DCC test vectors from a directory tree.
///
/// Every `.json` file under a folder named `raw` (any case) is a vector;
/// elsewhere a `.json` file counts only if it has an expected-results object.
/// Checks for picture decoding and schema validation are out of scope and
/// only tallied; checks listed in `known_issues.csv` are skipped with their
/// reason.
public struct ConformanceRunner: Sendable {
    /// The known issues to honour.
    public var knownIssues: KnownIssues

    /// Creates a runner.
    public init(knownIssues: KnownIssues = KnownIssues()) { self.knownIssues = knownIssues }

    /// Runs every vector under `directory`, reading `known_issues.csv` there if
    /// present and no known issues were given.
    public static func run(directory: String) throws -> ConformanceReport {
        let csvPath = (directory as NSString).appendingPathComponent("known_issues.csv")
        var runner = ConformanceRunner()
        if let data = FileManager.default.contents(atPath: csvPath) {
            runner.knownIssues = KnownIssues(csv: String(decoding: data, as: UTF8.self))
        }
        return try runner.run(directory: directory)
    }

    /// Runs every vector under `directory`.
    ///
    /// - Throws: `io` when the directory cannot be listed.
    public func run(directory: String) throws -> ConformanceReport {
        let base = URL(fileURLWithPath: directory).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            throw HealthCodeError(.io, "cannot list \(directory); check the path")
        }
        var report = ConformanceReport()
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "json" {
            paths.append(url.standardizedFileURL.path)
        }
        let root = base.path.hasSuffix("/") ? base.path : base.path + "/"
        for fullPath in paths.sorted() {
            let relative = fullPath.hasPrefix(root) ? String(fullPath.dropFirst(root.count)) : fullPath
            let components = relative.split(separator: "/").map(String.init)
            let underRaw = components.dropLast().contains { $0.lowercased() == "raw" }
            let document: JSONValue
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: fullPath))
                document = try JSONValue.parse(String(decoding: data, as: UTF8.self))
            } catch {
                if underRaw { report.failures.append(.init(path: relative, flag: nil, detail: "unreadable vector: \(error)")) }
                continue
            }
            guard underRaw || !ConformanceVector.resultContainers(in: document).isEmpty else { continue }
            let country = Self.country(components: components, directory: base.lastPathComponent)
            let testSet = ((components.last ?? "") as NSString).deletingPathExtension
            do {
                let vector = try ConformanceVector(path: relative, country: country, testSet: testSet, document: document)
                evaluate(vector, into: &report)
            } catch {
                report.failures.append(.init(path: relative, flag: nil, detail: "\(error)"))
            }
        }
        return report
    }

    /// The country a vector belongs to: its first folder, unless that is the
    /// `2DCode`/`raw` layer itself, in which case the run's directory name.
    static func country(components: [String], directory: String) -> String {
        guard components.count >= 2 else { return directory }
        let first = components[0].lowercased()
        return first == "2dcode" || first == "raw" ? directory : components[0]
    }

    /// Evaluates every flag of one vector.
    public func evaluate(_ vector: ConformanceVector, into report: inout ConformanceReport) {
        let evaluator = ConformanceEvaluator(vector: vector)
        for name in vector.unrecognisedFlags {
            report.skips.append(.init(path: vector.path, flag: nil, detail: "unrecognised flag \(name) ignored"))
        }
        for (flag, expected) in vector.expectations.sorted(by: { $0.key < $1.key }) {
            if flag.exclusionReason != nil {
                report.outOfScope += 1
                continue
            }
            if let reason = knownIssues.reason(for: flag, country: vector.country, testSet: vector.testSet) {
                report.skips.append(.init(path: vector.path, flag: flag, detail: "known issue: \(reason)"))
                continue
            }
            guard let outcome = evaluator.evaluate(flag) else {
                report.skips.append(.init(path: vector.path, flag: flag, detail: "vector lacks the inputs for this check"))
                continue
            }
            let actual: Bool
            var detail = ""
            switch outcome {
            case .success: actual = true
            case .failure(let reason): actual = false; detail = reason.description
            }
            if actual == expected {
                report.passed += 1
            } else {
                let why = expected ? "expected success, failed: \(detail)" : "expected failure, but the step succeeded"
                report.failures.append(.init(path: vector.path, flag: flag, detail: why))
            }
        }
    }
}

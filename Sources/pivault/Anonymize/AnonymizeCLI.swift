import ArgumentParser
import Foundation

/// Output and error conventions of the `anonymize` and `stats` commands.
enum AnonymizeCLI {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Runs a body, printing any library error on stderr and exiting with 1.
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            warn("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// Splits `a,b,c` into trimmed, non-empty names.
    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Parses `5%` or `5` (both percent) into a fraction.
    static func percent(_ text: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.hasSuffix("%") ? String(trimmed.dropLast()) : trimmed
        guard let value = Double(number), value >= 0, value <= 100 else {
            throw ValidationError("--max-suppression must be a percentage from 0% to 100%, e.g. 5%")
        }
        return value / 100
    }

    static func json<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

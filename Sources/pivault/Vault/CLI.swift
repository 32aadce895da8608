import ArgumentParser
import Foundation
import Logging
import PIVaultCore

/// Output and error conventions shared by the commands.
enum CLI {
    /// Logs go to stderr at warning level unless PIVAULT_LOG_LEVEL says otherwise; they never carry personal data.
    static let logger: Logger = {
        var logger = Logger(label: "pivault", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = ProcessInfo.processInfo.environment["PIVAULT_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }()

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func printJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Reads a JSON object from the argument, or from stdin when the argument is absent or `-`.
    static func readJSONObject(_ argument: String?) throws -> [String: JSONValue] {
        let data: Data
        if let argument, argument != "-" {
            data = Data(argument.utf8)
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        do {
            return try JSONDecoder().decode([String: JSONValue].self, from: data)
        } catch DecodingError.dataCorrupted(let context) {
            throw ValidationError("the record is not valid JSON (\(context.debugDescription.prefix(120))); give one JSON object of field names to values")
        } catch {
            throw ValidationError("the record must be one JSON object of field names to values")
        }
    }
}

/// Runs a command body, turning domain errors into a message on stderr and exit code 1.
func runReporting(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        CLI.warn("error: \(error)")
        throw ExitCode(1)
    }
}

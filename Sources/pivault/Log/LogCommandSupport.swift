import ArgumentParser
import Foundation
import TransparencyLog

/// File and key reading shared by the `log` subcommands.
enum LogCommandSupport {
    /// Reads a whole file, or fails with its path named.
    static func read(_ path: String, _ what: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LogError(.io, "cannot read \(what) file \(path)")
        }
        return Array(data)
    }

    /// Parses verifier keys given as `name+hexid+base64` text or as files holding one key per line.
    static func verifiers(_ arguments: [String]) throws -> [NoteVerifier] {
        guard !arguments.isEmpty else {
            throw LogError(.malformedKey, "no verifier key given; pass --key name+hexid+base64 or --key FILE")
        }
        var keys: [NoteVerifier] = []
        for argument in arguments {
            if FileManager.default.fileExists(atPath: argument) {
                let text = String(decoding: try read(argument, "key"), as: UTF8.self)
                for line in text.split(whereSeparator: \.isNewline) where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    keys.append(try NoteVerifier(String(line)))
                }
            } else {
                keys.append(try NoteVerifier(argument))
            }
        }
        return keys
    }

    /// Prints the error to stderr and returns the failure exit code.
    static func fail(_ error: any Error) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return ExitCode.failure
    }
}

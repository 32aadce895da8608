import ArgumentParser
import Foundation
import HealthCode
import PIVault
import PIVaultCore

/// `pivault healthcode render CODE_ID --png FILE | --svg FILE`.
struct HealthCodeRenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render an issued health code as a QR code (PNG or SVG).")

    @OptionGroup var options: VaultOptions
    @Argument(help: "The code id printed by `healthcode issue`.") var codeID: String
    @Option(help: "Write a PNG to this file.") var png: String?
    @Option(help: "Write an SVG to this file.") var svg: String?
    @Option(help: "Pixels per module.") var moduleSize: Int = 4

    func validate() throws {
        guard png != nil || svg != nil else { throw ValidationError("give --png FILE or --svg FILE (or both)") }
        guard (1...64).contains(moduleSize) else { throw ValidationError("--module-size must be between 1 and 64") }
    }

    func run() async throws {
        try await runReporting {
            let qr = try await options.withVault { try await $0.healthCodeQR(codeID) }
            if let png {
                try write(Data(try qr.png(moduleSize: moduleSize)), to: png)
                print("png: \(png) (QR version \(qr.version), level \(qr.level))")
            }
            if let svg {
                try write(Data(try qr.svg(moduleSize: moduleSize).utf8), to: svg)
                print("svg: \(svg) (QR version \(qr.version), level \(qr.level))")
            }
        }
    }

    func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw VaultError(.invalidInput, "cannot write \(path); check the folder exists and is writable")
        }
    }
}

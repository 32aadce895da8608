import Foundation
import Hummingbird
import PIVault
import PIVaultCore

/// `GET /v1/report` (PIPL Art. 54): the record of processing activities as
/// JSON, or Markdown with `?format=markdown`. Administrators and the protection officer.
struct ReportRoutes: Sendable {
    let vault: Vault

    func add(to group: RouterGroup<VaultRequestContext>) {
        group.get("report", use: report)
    }

    @Sendable func report(_ request: Request, context: VaultRequestContext) async throws -> Response {
        _ = try OversightRoles.require(context, to: "read the processing report")
        let format = request.uri.queryParameters.get("format") ?? "json"
        guard format == "json" || format == "markdown" else {
            throw Problem.invalidParameter("format", "format must be json or markdown")
        }
        let report = try await vault.processingReport()
        if format == "markdown" {
            return Response(status: .ok, headers: [.contentType: "text/markdown; charset=utf-8"], body: .init(byteBuffer: .init(string: report.markdown)))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: String(decoding: try encoder.encode(report), as: UTF8.self))))
    }
}

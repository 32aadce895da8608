import Foundation
import HTTPTypes
import Hummingbird
import PIVault

/// The transparency log as C2SP tlog-tiles serves it: `/log/checkpoint` and
/// `/log/tile/…`, public and unauthenticated — the log holds no personal data.
struct LogRoutes: Sendable {
    let vault: Vault

    func add(to router: Router<VaultRequestContext>) {
        router.get("log/checkpoint") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: .init(string: try await vault.latestCheckpoint())))
        }
        router.get("log/tile/**") { _, context in
            let path = "tile/" + context.parameters.getCatchAll().joined(separator: "/")
            let content = try await vault.logTile(path)
            // Full tiles never change; partial ones (".p/W") are superseded as the tree grows.
            let cache = path.contains(".p/") ? "no-store" : "public, max-age=31536000, immutable"
            return Response(status: .ok, headers: [.contentType: "application/octet-stream", .cacheControl: cache],
                            body: .init(byteBuffer: .init(bytes: content)))
        }
    }
}

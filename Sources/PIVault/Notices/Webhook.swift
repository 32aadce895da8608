import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PIVaultCore

/// One webhook endpoint: POSTs a JSON body, retrying with exponential
/// backoff. Emergency notices, breach notices and anomaly alerts all leave
/// the vault through it.
public struct Webhook: Sendable {
    /// Sends one body to a URL; throws when the receiver did not accept it.
    public typealias Transport = @Sendable (_ url: URL, _ body: Data) async throws -> Void

    /// What one delivery did.
    public struct Outcome: Sendable, Hashable {
        /// Whether the receiver accepted the body.
        public var delivered: Bool
        /// Attempts made.
        public var attempts: Int
        /// The last error, when every attempt failed (no personal data: a status or a transport error).
        public var error: String?
    }

    /// The endpoint.
    public let url: URL
    let attempts: Int
    let backoff: Duration
    let transport: Transport

    /// Creates a webhook to `url` with `attempts` tries per body.
    public init(url: URL, attempts: Int = 3, backoff: Duration = .milliseconds(200), transport: @escaping Transport = Webhook.post) {
        self.url = url
        self.attempts = max(1, attempts)
        self.backoff = backoff
        self.transport = transport
    }

    /// Delivers `body`, retrying; never throws.
    public func deliver(_ body: Data) async -> Outcome {
        var lastError: String?
        for attempt in 0..<attempts {
            if attempt > 0 { try? await Task.sleep(for: backoff * (1 << (attempt - 1))) }
            do {
                try await transport(url, body)
                return Outcome(delivered: true, attempts: attempt + 1, error: nil)
            } catch {
                lastError = String(String(describing: error).prefix(200))
            }
        }
        return Outcome(delivered: false, attempts: attempts, error: lastError)
    }

    /// The default transport: an HTTP POST with a JSON content type; any 2xx status is success.
    public static let post: Transport = { url, body in
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.timeoutInterval = 10
        let (_, response) = try await URLSession.shared.upload(for: request, from: body)
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
            throw VaultError(.storageUnavailable, "the webhook answered status \((response as? HTTPURLResponse)?.statusCode ?? 0)")
        }
    }

    /// The encoder every webhook body uses: sorted keys, ISO 8601 dates.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
}

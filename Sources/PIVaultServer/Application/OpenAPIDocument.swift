import Foundation

/// The OpenAPI 3.1 document describing the API, kept in the repository as
/// `Resources/openapi.yaml` and served at `/openapi.yaml`.
public enum OpenAPIDocument {
    /// The document's YAML text.
    public static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return "openapi: 3.1.0\ninfo: {title: pivault, version: unavailable}\npaths: {}\n"
        }
        return text
    }()
}

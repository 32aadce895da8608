import Foundation
import PIVault
import OpenAPIKit
@testable import PIVaultServer
import Testing
import Yams

@Suite("The OpenAPI 3.1 document describes exactly the routes the server registers")
struct OpenAPITests {
    static func document() throws -> OpenAPI.Document {
        try YAMLDecoder().decode(OpenAPI.Document.self, from: OpenAPIDocument.yaml)
    }

    @Test("The document is valid OpenAPI 3.1")
    func documentIsValid() throws {
        let document = try Self.document()
        #expect(document.openAPIVersion.rawValue.hasPrefix("3.1"))
        try document.validate()
    }

    @Test("Every registered route is in the document, and every documented operation is registered")
    func routesMatchDocument() async throws {
        let server = try await TestServer.make(.sqlite)
        let table = RouteTable()
        _ = VaultServer.buildRouter(server.dependencies, routes: table)
        let registered = Set(table.routes.map { "\($0.method) \($0.path)" })
        var documented = Set<String>()
        for (path, item) in try Self.document().paths {
            guard let item = item.pathItemValue else { continue }
            for endpoint in item.endpoints { documented.insert("\(endpoint.method.rawValue.uppercased()) \(path.rawValue)") }
        }
        #expect(registered.count >= 20)
        #expect(registered.subtracting(documented).isEmpty, "registered but not documented: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "documented but not registered: \(documented.subtracting(registered).sorted())")
        try await server.vault.close()
        await server.cleanUp()
    }
}

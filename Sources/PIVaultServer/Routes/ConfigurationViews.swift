import Hummingbird
import PIVaultCore

/// The configuration as the API shows it: read-only, sorted by id.
struct StandardList: ResponseEncodable, Sendable {
    struct Field: Encodable, Sendable {
        var name: String
        var type: String
        var category: String
        var sensitive: Bool
        var required: Bool
        var indexed: Bool
        var values: [String]?
        /// Biometric fields only (PIPL Art. 28): what a template must be.
        var modality: String?
        var dimensions: Int?
        var rawCapture: Bool?
    }

    struct Standard: Encodable, Sendable {
        var id: String
        var title: String
        var fields: [Field]
    }

    var standards: [Standard]

    init(_ configuration: VaultConfiguration) {
        standards = configuration.standards.values.sorted { $0.id < $1.id }.map { standard in
            Standard(id: standard.id, title: standard.title, fields: standard.fields.map { field in
                var values: [String]?
                if case .enumeration(let allowed) = field.type { values = allowed }
                var view = Field(name: field.name, type: field.type.configName, category: field.category,
                                 sensitive: configuration.taxonomy.isSensitive(field.category),
                                 required: field.required, indexed: field.indexed, values: values)
                if case .biometric(let spec) = field.type {
                    view.modality = spec.modality.rawValue
                    view.dimensions = spec.dimensions
                    view.rawCapture = spec.rawCapture
                }
                return view
            })
        }
    }
}

struct PurposeList: ResponseEncodable, Sendable {
    struct Purpose: Encodable, Sendable {
        var id: String
        var title: String
        var description: String
        var basis: String
        var article: String
        var standards: [String]
        var fields: [String]
        var masked: [String]
        var retention: String
        var necessary: Bool
        var necessity: String?
        var impact: String?
    }

    var purposes: [Purpose]

    init(_ configuration: VaultConfiguration) {
        purposes = configuration.purposes.values.sorted { $0.id < $1.id }.map { purpose in
            Purpose(id: purpose.id, title: purpose.title, description: purpose.description, basis: purpose.basis.rawValue,
                    article: "PIPL \(purpose.basis.article)", standards: purpose.standards, fields: purpose.fields,
                    masked: purpose.masked, retention: purpose.retention.description, necessary: purpose.necessary,
                    necessity: purpose.necessity, impact: purpose.impact)
        }
    }
}

struct CategoryList: ResponseEncodable, Sendable {
    struct Category: Encodable, Sendable {
        var id: String
        var name: String
        var nameZh: String
        var sensitive: Bool
    }

    var categories: [Category]

    init(_ configuration: VaultConfiguration) {
        categories = configuration.taxonomy.categories.values.sorted { $0.id < $1.id }.map {
            Category(id: $0.id, name: $0.name, nameZh: $0.nameZH, sensitive: $0.sensitive)
        }
    }
}

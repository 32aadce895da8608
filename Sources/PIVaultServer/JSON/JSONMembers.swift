import PIVaultCore

/// A request body read member by member from the object ``StrictJSON`` has
/// already parsed and checked, for the hot endpoints: decoding it again
/// through Foundation's `JSONDecoder` took 7% of a collection request's CPU.
///
/// Errors are the problems the `JSONDecoder` path reports: the member's path
/// and the type it must have (400, `malformed-request`).
protocol StrictJSONObject: StrictDecodable {
    init(_ members: JSONMembers) throws
}

/// The members of one JSON object, read with the type each must have.
struct JSONMembers {
    let members: [String: JSONValue]

    init(_ members: [String: JSONValue]) {
        self.members = members
    }

    func string(_ key: String) throws -> String {
        guard let value = try optionalString(key) else { throw Self.required(key) }
        return value
    }

    func optionalString(_ key: String) throws -> String? {
        switch members[key] {
        case nil, .null?: nil
        case .string(let value)?: value
        default: throw Self.mistyped(key, "a string")
        }
    }

    func optionalBool(_ key: String) throws -> Bool? {
        switch members[key] {
        case nil, .null?: nil
        case .bool(let value)?: value
        default: throw Self.mistyped(key, "a boolean")
        }
    }

    func optionalStrings(_ key: String) throws -> [String]? {
        switch members[key] {
        case nil, .null?: return nil
        case .array(let items)?:
            return try items.enumerated().map { offset, item in
                guard case .string(let value) = item else { throw Self.mistyped("\(key)[\(offset)]", "a string") }
                return value
            }
        default: throw Self.mistyped(key, "an array of strings")
        }
    }

    func object(_ key: String) throws -> [String: JSONValue] {
        switch members[key] {
        case nil, .null?: throw Self.required(key)
        case .object(let value)?: return value
        default: throw Self.mistyped(key, "of the documented type")
        }
    }

    static func required(_ path: String) -> Problem {
        Problem.malformed("member '\(path)' is required", field: path)
    }

    static func mistyped(_ path: String, _ type: String) -> Problem {
        Problem.malformed("member '\(path)' must be \(type)", field: path)
    }
}

import Hummingbird
import PIVault

/// `GET /v1/subjects/{subject}/access-history` answers the history in its JSON form.
extension AccessHistory: ResponseEncodable {}

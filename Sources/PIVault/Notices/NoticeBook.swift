import Crypto
import Foundation
import PIVaultCore

/// The notices of every purpose, each with its version: the SHA-256 of the
/// canonical (sorted-key JSON) form of its content. Changing anything the
/// notice states changes the version (PIPL Art. 14, 17).
public struct NoticeBook: Sendable {
    /// A notice rendered in one language.
    public struct Rendered: Sendable, Codable {
        /// Purpose id.
        public var purpose: String
        /// Version (hex SHA-256).
        public var version: String
        /// Language.
        public var language: NoticeLanguage
        /// The text.
        public var text: String
        /// The facts stated.
        public var content: NoticeContent
    }

    /// Contents by purpose.
    public let contents: [String: NoticeContent]
    /// Versions by purpose.
    public let versions: [String: String]

    /// Builds the notices of every purpose in `configuration`.
    public init(configuration: VaultConfiguration) {
        var contents: [String: NoticeContent] = [:]
        var versions: [String: String] = [:]
        for purpose in configuration.purposes.values {
            let content = NoticeContent(purpose: purpose, configuration: configuration)
            contents[purpose.id] = content
            versions[purpose.id] = Self.version(of: content)
        }
        self.contents = contents
        self.versions = versions
    }

    /// The version of a content: hex SHA-256 of its canonical form.
    public static func version(of content: NoticeContent) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let canonical = (try? encoder.encode(content)) ?? Data()
        return SHA256.hash(data: canonical).map { String(format: "%02x", $0) }.joined()
    }

    /// The notice of `purpose` in `language`, or nil for an unknown purpose.
    public func notice(for purpose: String, language: NoticeLanguage) -> Rendered? {
        guard let content = contents[purpose], let version = versions[purpose] else { return nil }
        return Rendered(purpose: purpose, version: version, language: language,
                        text: NoticeRenderer.render(content, version: version, language: language), content: content)
    }
}

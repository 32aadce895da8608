/// A summary of the vault for operators; counts only.
public struct VaultStatus: Sendable, Hashable, Codable {
    /// One master-key version.
    public struct KeyVersion: Sendable, Hashable, Codable {
        /// Version.
        public var version: Int
        /// Subject keys it wraps.
        public var subjectKeys: Int
        /// Whether it is retired.
        public var retired: Bool
        /// Whether this process holds it.
        public var loaded: Bool
        /// Whether new wraps use it.
        public var active: Bool
    }

    /// The database, without password.
    public var database: String
    /// Subjects, including erased ones.
    public var subjects: Int
    /// Erased subjects.
    public var erasedSubjects: Int
    /// Records.
    public var records: Int
    /// Master-key versions.
    public var keyVersions: [KeyVersion]
    /// Biometric templates held and whether a filing with the authority is due.
    public var biometricFiling: BiometricFiling?
}

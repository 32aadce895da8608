import PIVaultCore
import PIVaultStore

extension Vault {
    /// How many people's biometric templates are held and whether a filing with the authority is due.
    public func biometricFiling() async throws -> BiometricFiling {
        BiometricFiling(subjects: try await store.read { try await $0.biometricSubjectCount() }, threshold: configuration.biometricFilingThreshold)
    }
}

import PIVaultCore
import Yams

extension ConfigurationChecker {
    /// Biometric checks (PIPL Art. 26, 28–29): a biometric field sits in a
    /// sensitive category; a biometric purpose names a non-biometric
    /// alternative and its setting; 1:N identification in a public place rests
    /// on a public-security or statutory basis.
    func checkBiometrics(standards: [String: CollectionStandard], taxonomy: Taxonomy) {
        for reference in parsed.fieldCategories {
            guard case .biometric? = standards[reference.standard]?.field(named: reference.field)?.type,
                  let category = taxonomy[reference.category], !category.sensitive else { continue }
            cursor.report(reference.node, "biometric field '\(reference.field)' of standard '\(reference.standard)' is in category '\(reference.category)', which is not sensitive; use 'biometric' or another sensitive category (PIPL Art. 28)")
        }
        for located in parsed.purposes {
            let purpose = located.value
            let biometric = purpose.fields.filter { field in
                purpose.standards.contains { standardID in
                    if case .biometric? = standards[standardID]?.field(named: field)?.type { return true }
                    return false
                }
            }
            guard !biometric.isEmpty else {
                if purpose.biometric.identification {
                    cursor.report(located.node, "purpose '\(purpose.id)' declares 'identification: true' but lists no biometric field; drop it or add the biometric field (PIPL Art. 26)")
                }
                continue
            }
            let fields = biometric.joined(separator: ", ")
            if purpose.biometric.alternative == nil {
                cursor.report(located.node, "purpose '\(purpose.id)' processes biometric field(s) \(fields) but declares no 'alternative'; name the non-biometric method people may choose instead, e.g. 'alternative: show an identity card at the desk' (PIPL Art. 29; face-recognition measures Art. 10)")
            }
            if purpose.biometric.setting == nil {
                cursor.report(located.node, "purpose '\(purpose.id)' processes biometric field(s) \(fields) but does not state its 'setting'; use one of \(BiometricSetting.allCases.map(\.rawValue).joined(separator: ", ")) (PIPL Art. 26)")
            }
            if purpose.biometric.identification, purpose.biometric.setting == .publicPlaceWithSignage,
               ![LegalBasis.statutoryDuty, .otherLaw].contains(purpose.basis) {
                cursor.report(located.node, "purpose '\(purpose.id)' identifies people 1:N in a public place on basis '\(purpose.basis.rawValue)'; image capture and identification equipment in public places may serve only public security, so use a statutory basis ('statutory-duty' or 'other-law') or make it 1:1 verification (PIPL Art. 26)")
            }
        }
    }
}

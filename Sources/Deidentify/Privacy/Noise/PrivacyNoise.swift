import Foundation

/// A calibrated noise generator for one statistic: its mechanism, the
/// privacy parameters it satisfies, the lattice it works on, and the exact
/// integer parameters of its sampler.
///
/// Values are snapped to a lattice of spacing `granularity` (a power of two;
/// 1 for counts) and integer noise is added in lattice units, so the output
/// is `granularity × (round(value / granularity) + Z)`. Rounding is monotone,
/// so neighbouring values at distance ≤ Δ stay within ⌈Δ / granularity⌉
/// units; that integer is the sensitivity the noise is calibrated to.
public struct PrivacyNoise: Sendable, Equatable, Codable {
    /// The mechanism.
    public let mechanism: PrivacyMechanism
    /// ε this component satisfies.
    public let epsilon: Double
    /// δ this component satisfies (0 for Laplace).
    public let delta: Double
    /// Sensitivity Δ of the statistic, in result units.
    public let sensitivity: Double
    /// Lattice spacing of the released value.
    public let granularity: Double
    /// Sensitivity in lattice units.
    public let unitSensitivity: UInt64
    /// Discrete Laplace parameters: P(z) ∝ exp(−|z|·s/t).
    let laplaceS: UInt64
    let laplaceT: UInt64
    /// Discrete Gaussian parameters: σ² = a/b lattice units², proposal scale t.
    let gaussianA: UInt64
    let gaussianB: UInt64
    let gaussianT: UInt64

    /// The noise's scale in result units: b = t/s·granularity for Laplace, σ·granularity for Gaussian.
    public var scale: Double {
        switch mechanism {
        case .laplace: Double(laplaceT) / Double(laplaceS) * granularity
        case .gaussian: (Double(gaussianA) / Double(gaussianB)).squareRoot() * granularity
        }
    }

    /// Half-width of the central interval holding the noise with probability ≥ 95 %, in result units.
    /// Exact for discrete Laplace; 1.96σ for the discrete Gaussian, whose variance is at most σ² (CKS 2020, Prop. 19).
    public var halfWidth95: Double {
        switch mechanism {
        case .laplace:
            // P(|Z| > m) = 2·q^(m+1) / (1 + q), q = exp(−s/t).
            let q = exp(-Double(laplaceS) / Double(laplaceT))
            let m = max(0, (log(0.05 * (1 + q) / 2) / log(q) - 1).rounded(.up))
            return m * granularity
        case .gaussian:
            return 1.96 * scale
        }
    }

    /// Discrete Laplace calibrated for ε-DP at sensitivity Δ.
    /// - Parameter integral: whether the statistic is a count (lattice spacing stays 1 while the scale allows).
    /// - Throws: ``PrivacyError`` when ε ≤ 0, Δ ≤ 0, or the scale is beyond the sampler's range.
    public static func laplace(epsilon: Double, sensitivity: Double, integral: Bool) throws -> PrivacyNoise {
        try check(epsilon: epsilon, sensitivity: sensitivity)
        let scale = sensitivity / epsilon
        let granularity = integral ? max(1, exp2((log2(scale)).rounded(.up) - 20)) : exp2((log2(scale)).rounded(.down) - 12)
        let units = unitSensitivity(sensitivity, granularity: granularity, integral: integral)
        // ε is represented as n / 2³⁰ rounded down, which only adds noise.
        let denominator: UInt64 = 1 << 30
        let numerator = UInt64((epsilon * Double(denominator)).rounded(.down))
        guard numerator > 0 else { throw PrivacyError(.invalidParameter, "ε = \(epsilon) is too small to represent; use ε ≥ 1e-9") }
        let (t, overflow) = units.multipliedReportingOverflow(by: denominator)
        guard !overflow, t < 1 << 62 else {
            throw PrivacyError(.parameterOutOfRange, "ε = \(epsilon) is too large for the exact sampler; use ε ≤ 1000")
        }
        return PrivacyNoise(mechanism: .laplace, epsilon: epsilon, delta: 0, sensitivity: sensitivity, granularity: granularity,
                            unitSensitivity: units, laplaceS: numerator, laplaceT: t, gaussianA: 0, gaussianB: 0, gaussianT: 0)
    }

    /// Discrete Gaussian calibrated for (ε, δ)-DP at ℓ₂ sensitivity Δ.
    ///
    /// The discrete Gaussian with σ satisfies Δ²/(2σ²)-zCDP (CKS 2020, Thm 4);
    /// ρ-zCDP implies (ρ + 2√(ρ ln(1/δ)), δ)-DP (Bun & Steinke, TCC 2016, Prop 1.3).
    /// Solving for ρ: ρ = (√(ln(1/δ) + ε) − √(ln(1/δ)))², σ = Δ / √(2ρ), and σ² is rounded up.
    /// - Throws: ``PrivacyError`` when ε ≤ 0, δ ∉ (0, 1), or Δ ≤ 0.
    public static func gaussian(epsilon: Double, delta: Double, sensitivity: Double, integral: Bool) throws -> PrivacyNoise {
        try check(epsilon: epsilon, sensitivity: sensitivity)
        guard delta > 0, delta < 1, delta.isFinite else {
            throw PrivacyError(.invalidParameter, "the Gaussian mechanism needs 0 < δ < 1 (got \(delta)); give --delta, e.g. 1e-6")
        }
        let logTerm = log(1 / delta)
        let rho = pow((logTerm + epsilon).squareRoot() - logTerm.squareRoot(), 2)
        let sigma = sensitivity / (2 * rho).squareRoot()
        let granularity = integral ? max(1, exp2((log2(sigma)).rounded(.up) - 14)) : exp2((log2(sigma)).rounded(.down) - 10)
        let units = unitSensitivity(sensitivity, granularity: granularity, integral: integral)
        let unitSigma = Double(units) / (2 * rho).squareRoot() * (1 + 1e-9)
        let t = UInt64(unitSigma.rounded(.down)) + 1
        var chosen: (a: UInt64, b: UInt64)?
        var b: UInt64 = 1 << 20
        while b >= 1 {
            let a = UInt64((unitSigma * unitSigma * Double(b)).rounded(.up))
            let product = [2, a, b, t, t].reduce((UInt64(1), false)) { state, factor in
                let next = state.0.multipliedReportingOverflow(by: factor)
                return (next.partialValue, state.1 || next.overflow)
            }
            if !product.1, product.0 < 1 << 62 {
                chosen = (a, b)
                break
            }
            b /= 2
        }
        guard let chosen else {
            throw PrivacyError(.parameterOutOfRange, "the Gaussian noise scale is beyond the exact sampler's range; use a larger ε or δ")
        }
        return PrivacyNoise(mechanism: .gaussian, epsilon: epsilon, delta: delta, sensitivity: sensitivity, granularity: granularity,
                            unitSensitivity: units, laplaceS: 0, laplaceT: 0, gaussianA: chosen.a, gaussianB: chosen.b, gaussianT: t)
    }

    /// ⌈Δ / granularity⌉ lattice units; a non-integral statistic gets one spare
    /// unit so the floating-point error of its exact sum, which could move it
    /// across a rounding boundary, can never exceed the calibrated sensitivity.
    private static func unitSensitivity(_ sensitivity: Double, granularity: Double, integral: Bool) -> UInt64 {
        UInt64((sensitivity / granularity).rounded(.up)) + (integral ? 0 : 1)
    }

    private static func check(epsilon: Double, sensitivity: Double) throws {
        guard epsilon > 0, epsilon.isFinite else {
            throw PrivacyError(.invalidParameter, "ε must be a positive number (got \(epsilon)); e.g. --epsilon 0.5")
        }
        guard epsilon <= 1000 else {
            throw PrivacyError(.invalidParameter, "ε = \(epsilon) offers no meaningful protection; use ε ≤ 1000")
        }
        guard sensitivity > 0, sensitivity.isFinite else {
            throw PrivacyError(.invalidParameter, "the sensitivity must be positive; give --bounds with lo < hi not both 0")
        }
    }

    /// One integer noise draw in lattice units.
    public func sampleUnits<Source: PrivacyRandomSource>(using sampler: inout PrivacyDiscreteSampler<Source>) -> Int64 {
        switch mechanism {
        case .laplace: sampler.discreteLaplace(s: laplaceS, t: laplaceT)
        case .gaussian: sampler.discreteGaussian(a: gaussianA, b: gaussianB, t: gaussianT)
        }
    }

    /// Snaps `value` to the lattice and adds one noise draw.
    /// - Throws: ``PrivacyError`` when the value is too large for the lattice.
    public func release<Source: PrivacyRandomSource>(_ value: Double, using sampler: inout PrivacyDiscreteSampler<Source>) throws -> Double {
        let units = (value / granularity).rounded()
        guard units.magnitude < 0x1p61 else {
            throw PrivacyError(.parameterOutOfRange, "a statistic is too large for the noise lattice; narrow --bounds")
        }
        return Double(Int64(units) + sampleUnits(using: &sampler)) * granularity
    }
}

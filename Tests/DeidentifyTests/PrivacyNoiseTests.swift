import Deidentify
import Foundation
import Testing

/// Empirical checks of the exact samplers. Every tolerance is a fixed bound
/// whose false-alarm probability is below 1e-6 for a correct sampler
/// (chi-square quantiles at 1 − 1e-7, or ≥ 6 standard errors), so the tests
/// are not flaky although they draw from the system's cryptographic RNG.
@Suite("Privacy noise: exact discrete Laplace and Gaussian (Canonne, Kamath & Steinke 2020)")
struct PrivacyNoiseTests {
    /// Pearson's statistic over bins −r…r plus the two tails.
    static func chiSquare(_ draws: [Int64], radius: Int64, pmf: (Int64) -> Double) -> Double {
        var observed = [Int64: Int]()
        for draw in draws { observed[min(max(draw, -radius - 1), radius + 1), default: 0] += 1 }
        let inside = (-radius...radius).reduce(0.0) { $0 + pmf($1) }
        let tail = (1 - inside) / 2
        var statistic = 0.0
        for bin in (-radius - 1)...(radius + 1) {
            let p = abs(bin) == radius + 1 ? tail : pmf(bin)
            let expected = p * Double(draws.count)
            let difference = Double(observed[bin, default: 0]) - expected
            statistic += difference * difference / expected
        }
        return statistic
    }

    @Test("CKS Algorithm 1: Bernoulli(exp(−3/2)) frequency within 6 standard errors")
    func bernoulliExp() {
        var sampler = PrivacyDiscreteSampler(source: PrivacySystemRandom())
        let n = 100_000
        let hits = (0..<n).filter { _ in sampler.bernoulliExpNeg(3, 2) }.count
        let p = exp(-1.5)
        #expect(abs(Double(hits) / Double(n) - p) < 6 * (p * (1 - p) / Double(n)).squareRoot())
    }

    @Test("CKS Algorithm 2: discrete Laplace of scale 2 matches its pmf (χ², 14 df, 1 − 1e-7 quantile 60.4)")
    func discreteLaplaceDistribution() {
        var sampler = PrivacyDiscreteSampler(source: PrivacySystemRandom())
        let draws = (0..<60_000).map { _ in sampler.discreteLaplace(s: 1, t: 2) }
        let q = exp(-0.5)
        let statistic = Self.chiSquare(draws, radius: 6) { (1 - q) / (1 + q) * pow(q, Double(abs($0))) }
        #expect(statistic < 60.4)
        // Mean 0 and variance 2q/(1−q)² within 6 standard errors.
        let variance = 2 * q / pow(1 - q, 2)
        let mean = Double(draws.reduce(0, +)) / Double(draws.count)
        #expect(abs(mean) < 6 * (variance / Double(draws.count)).squareRoot())
        let empirical = draws.reduce(0.0) { $0 + Double($1 * $1) } / Double(draws.count)
        #expect(abs(empirical - variance) / variance < 0.05)
    }

    @Test("CKS Algorithm 3: discrete Gaussian with σ² = 9 matches its pmf (χ², 18 df, 1 − 1e-7 quantile 68.0)")
    func discreteGaussianDistribution() {
        var sampler = PrivacyDiscreteSampler(source: PrivacySystemRandom())
        let draws = (0..<60_000).map { _ in sampler.discreteGaussian(a: 9, b: 1, t: 4) }
        let normaliser = (-80...80).reduce(0.0) { $0 + exp(-Double($1 * $1) / 18) }
        let statistic = Self.chiSquare(draws, radius: 8) { exp(-Double($0 * $0) / 18) / normaliser }
        #expect(statistic < 68.0)
        let mean = Double(draws.reduce(0, +)) / Double(draws.count)
        #expect(abs(mean) < 6 * (9 / Double(draws.count)).squareRoot())
    }

    @Test("Laplace calibration: scale Δ/ε for counts (Dwork et al. 2006)")
    func laplaceCalibration() throws {
        let noise = try PrivacyNoise.laplace(epsilon: 0.5, sensitivity: 1, integral: true)
        #expect(noise.scale == 2)
        #expect(noise.granularity == 1)
        // P(|Z| > m) = 2q^(m+1)/(1+q) ≤ 0.05 at the reported half-width, and not at m − 1.
        let q = exp(-0.5), m = noise.halfWidth95
        #expect(2 * pow(q, m + 1) / (1 + q) <= 0.05)
        #expect(2 * pow(q, m) / (1 + q) > 0.05)
    }

    @Test("Gaussian calibration: σ = Δ/√(2ρ), ρ from (ε, δ) by Bun & Steinke 2016 Prop 1.3, never smaller")
    func gaussianCalibration() throws {
        let noise = try PrivacyNoise.gaussian(epsilon: 1, delta: 1e-5, sensitivity: 1, integral: true)
        let l = log(1e5)
        let rho = pow((l + 1).squareRoot() - l.squareRoot(), 2)
        let sigma = 1 / (2 * rho).squareRoot()
        #expect(noise.scale >= sigma)
        #expect(noise.scale < sigma * 1.001)
        // The guarantee it claims: ρ + 2√(ρ ln(1/δ)) ≤ ε for the σ actually used.
        let used = 1 / (2 * noise.scale * noise.scale)
        #expect(used + 2 * (used * l).squareRoot() <= 1 + 1e-9)
    }

    @Test("Sums are snapped to a power-of-two lattice far finer than the noise")
    func sumLattice() throws {
        let noise = try PrivacyNoise.laplace(epsilon: 0.5, sensitivity: 1_000_000, integral: false)
        #expect(noise.scale >= 2_000_000)
        #expect(noise.granularity <= noise.scale / 4096)
        #expect(log2(noise.granularity) == log2(noise.granularity).rounded())
        var sampler = PrivacyDiscreteSampler(source: PrivacySystemRandom())
        let released = try noise.release(123_456.7, using: &sampler)
        #expect((released / noise.granularity).rounded() == released / noise.granularity)
    }

    @Test("ε ≤ 0, a missing δ for Gaussian and a zero sensitivity are refused")
    func badParameters() {
        #expect(throws: PrivacyError.self) { try PrivacyNoise.laplace(epsilon: 0, sensitivity: 1, integral: true) }
        #expect(throws: PrivacyError.self) { try PrivacyNoise.laplace(epsilon: -1, sensitivity: 1, integral: true) }
        #expect(throws: PrivacyError.self) { try PrivacyNoise.laplace(epsilon: .nan, sensitivity: 1, integral: true) }
        #expect(throws: PrivacyError.self) { try PrivacyNoise.gaussian(epsilon: 1, delta: 0, sensitivity: 1, integral: true) }
        #expect(throws: PrivacyError.self) { try PrivacyNoise.laplace(epsilon: 1, sensitivity: 0, integral: true) }
    }

    @Test("Key-selection threshold: a key held by one row clears it with probability ≤ δ")
    func selectionThreshold() throws {
        let noise = try PrivacyNoise.laplace(epsilon: 1, sensitivity: 1, integral: true)
        let threshold = noise.selectionThreshold(delta: 1e-6)
        let q = exp(-1.0)
        // P(1 + Z ≥ τ) = q^(τ−1)/(1+q).
        #expect(pow(q, threshold - 1) / (1 + q) <= 1e-6)
        #expect(pow(q, threshold - 2) / (1 + q) > 1e-6)
    }
}

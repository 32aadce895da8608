/// Exact samplers for the discrete Laplace and discrete Gaussian
/// distributions using only integer arithmetic and uniform integers
/// (Canonne, Kamath & Steinke, "The Discrete Gaussian for Differential
/// Privacy", NeurIPS 2020, Algorithms 1–3).
///
/// No floating-point number is ever computed on the way to a sample, so the
/// output cannot carry the low-order-bit artefacts that break textbook
/// floating-point Laplace (Mironov, CCS 2012).
public struct PrivacyDiscreteSampler<Source: PrivacyRandomSource> {
    /// The random source.
    public var source: Source

    /// Wraps a random source.
    public init(source: Source) { self.source = source }

    /// Bernoulli(numerator / denominator).
    public mutating func bernoulli(_ numerator: UInt64, _ denominator: UInt64) -> Bool {
        source.uniform(below: denominator) < numerator
    }

    /// Bernoulli(exp(−numerator / denominator)) (CKS Algorithm 1).
    public mutating func bernoulliExpNeg(_ numerator: UInt64, _ denominator: UInt64) -> Bool {
        var whole = numerator / denominator
        while whole > 0 {
            if !bernoulliExpNegAtMostOne(1, 1) { return false }
            whole -= 1
        }
        return bernoulliExpNegAtMostOne(numerator % denominator, denominator)
    }

    /// γ = n/d ∈ [0, 1]: draw A_k ~ Bernoulli(γ/k) for k = 1, 2, … until one is 0;
    /// the first failing k is odd with probability exp(−γ). Bernoulli(γ/k) is
    /// drawn as Bernoulli(γ)·Bernoulli(1/k) so no product can overflow.
    private mutating func bernoulliExpNegAtMostOne(_ numerator: UInt64, _ denominator: UInt64) -> Bool {
        var k: UInt64 = 1
        while bernoulli(numerator, denominator) && bernoulli(1, k) { k += 1 }
        return k % 2 == 1
    }

    /// Discrete Laplace with P(x) ∝ exp(−|x|·s/t) (CKS Algorithm 2): scale t/s.
    public mutating func discreteLaplace(s: UInt64, t: UInt64) -> Int64 {
        while true {
            let u = source.uniform(below: t)
            if !bernoulliExpNeg(u, t) { continue }
            var v: UInt64 = 0
            while bernoulliExpNeg(1, 1) { v += 1 }
            let x = u + t * v
            let y = x / s
            let negative = bernoulli(1, 2)
            if negative && y == 0 { continue }
            return negative ? -Int64(y) : Int64(y)
        }
    }

    /// Discrete Gaussian with P(x) ∝ exp(−x²/(2σ²)), σ² = a/b (CKS Algorithm 3):
    /// discrete Laplace proposals of scale t accepted with probability
    /// exp(−(|y| − σ²/t)² / (2σ²)) = exp(−(|y|·t·b − a)² / (2·a·b·t²)).
    ///
    /// The caller guarantees 2·a·b·t² < 2⁶³ (``PrivacyNoise`` chooses a, b, t so).
    /// The squared numerator is formed at full 128-bit width; when the quotient
    /// itself would not fit in 64 bits the acceptance probability is below
    /// exp(−2⁶⁴), and the proposal is rejected.
    public mutating func discreteGaussian(a: UInt64, b: UInt64, t: UInt64) -> Int64 {
        let denominator = 2 * a * b * t * t
        while true {
            let y = discreteLaplace(s: 1, t: t)
            let magnitude = y.magnitude
            let scaled = magnitude.multipliedReportingOverflow(by: t * b)
            if scaled.overflow { continue }
            let difference = scaled.partialValue >= a ? scaled.partialValue - a : a - scaled.partialValue
            let square = difference.multipliedFullWidth(by: difference)
            if square.high >= denominator { continue }
            let (quotient, remainder) = denominator.dividingFullWidth(square)
            if acceptWithExpNeg(whole: quotient, remainder: remainder, denominator: denominator) { return y }
        }
    }

    /// Bernoulli(exp(−(whole + remainder/denominator))).
    private mutating func acceptWithExpNeg(whole: UInt64, remainder: UInt64, denominator: UInt64) -> Bool {
        var count = whole
        while count > 0 {
            if !bernoulliExpNegAtMostOne(1, 1) { return false }
            count -= 1
        }
        return bernoulliExpNegAtMostOne(remainder, denominator)
    }
}

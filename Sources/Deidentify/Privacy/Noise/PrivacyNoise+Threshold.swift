import Foundation

extension PrivacyNoise {
    /// The smallest noisy count (in result units) at which a group key found in
    /// the data may be released, so that a key held by a single row appears
    /// with probability ≤ `delta` (stability-based histograms: Korolova et al.,
    /// WWW 2009; Bun, Nissim & Stemmer, PODS 2016).
    ///
    /// Tails: discrete Laplace P(Z ≥ m) = q^m / (1 + q) with q = exp(−s/t);
    /// discrete Gaussian P(Z ≥ m) ≤ exp(−m² / (2σ²)) (σ²-subgaussian, CKS 2020).
    public func selectionThreshold(delta: Double) -> Double {
        let m: Double
        switch mechanism {
        case .laplace:
            let q = exp(-Double(laplaceS) / Double(laplaceT))
            m = max(0, (log(delta * (1 + q)) / log(q)).rounded(.up))
        case .gaussian:
            let sigma = (Double(gaussianA) / Double(gaussianB)).squareRoot()
            m = (sigma * (2 * log(1 / delta)).squareRoot()).rounded(.up)
        }
        return (1 + m) * granularity
    }
}

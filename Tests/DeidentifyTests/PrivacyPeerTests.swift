import Deidentify
import Foundation
import Testing

@Suite("Privacy peer: noise scale agrees with OpenDP for the same ε (and δ)")
struct PrivacyPeerTests {
    static func peer(_ arguments: [String]) throws -> [String: Double]? {
        if let missing = AnonymityPeer.missing(["opendp"]) {
            print("skipping OpenDP peer: python module \(missing) is not importable (pip install opendp)")
            return nil
        }
        let (status, output, errors) = try AnonymityPeer.python([AnonymityPeer.directory + "/opendp_scale.py"] + arguments)
        #expect(status == 0, "opendp_scale.py failed: \(errors)")
        return try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Double]
    }

    @Test("Laplace count, ε = 0.5: same scale as OpenDP's make_laplace, empirical spread within 10%")
    func laplace() throws {
        guard let peer = try Self.peer(["--mechanism", "laplace", "--epsilon", "0.5", "--samples", "20000"]) else { return }
        let noise = try PrivacyNoise.laplace(epsilon: 0.5, sensitivity: 1, integral: true)
        #expect(abs(noise.scale - peer["scale"]!) / peer["scale"]! < 1e-6)
        var sampler = PrivacyDiscreteSampler(source: PrivacySystemRandom())
        let draws = (0..<20_000).map { _ in Double(noise.sampleUnits(using: &sampler)) }
        let sd = (draws.reduce(0) { $0 + $1 * $1 } / Double(draws.count)).squareRoot()
        #expect(abs(sd - peer["empirical_sd"]!) / peer["empirical_sd"]! < 0.1)
    }

    @Test("Gaussian count, ε = 1, δ = 1e-5: σ at least OpenDP's optimal calibration and within 30% of it")
    func gaussian() throws {
        guard let peer = try Self.peer(["--mechanism", "gaussian", "--epsilon", "1", "--delta", "1e-5", "--samples", "20000"]) else { return }
        let noise = try PrivacyNoise.gaussian(epsilon: 1, delta: 1e-5, sensitivity: 1, integral: true)
        #expect(noise.scale >= peer["scale"]!)
        #expect(noise.scale <= peer["scale"]! * 1.3)
    }
}

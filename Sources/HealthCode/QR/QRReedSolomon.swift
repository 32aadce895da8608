/// Reed–Solomon error-correction codewords over GF(2^8) with the field's
/// prime polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D) and generator
/// polynomials ∏(x − α^i), i = 0…n−1 (ISO/IEC 18004 §7.5.2, Annex A).
enum QRReedSolomon {
    /// The field's reducing polynomial.
    static let primitivePolynomial = 0x11D

    /// α^i for i = 0…509 (doubled so log sums need no modulo).
    static let exponents: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 510)
        var value = 1
        for index in 0..<255 {
            table[index] = UInt8(value)
            table[index + 255] = UInt8(value)
            value <<= 1
            if value & 0x100 != 0 { value ^= primitivePolynomial }
        }
        return table
    }()

    /// log_α(v) for v = 1…255; entry 0 is unused.
    static let logarithms: [Int] = {
        var table = [Int](repeating: 0, count: 256)
        for index in 0..<255 { table[Int(exponents[index])] = index }
        return table
    }()

    /// Product in GF(256).
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if a == 0 || b == 0 { return 0 }
        return exponents[logarithms[Int(a)] + logarithms[Int(b)]]
    }

    /// Generator polynomial coefficients of each degree used by Table 9
    /// (7…30), highest-degree term first and the leading 1 omitted, as logs.
    private static let generatorLogs: [[Int]] = (0...30).map { degree in
        generator(degree: degree).dropFirst().map { logarithms[Int($0)] }
    }

    /// ∏_{i<degree} (x − α^i), coefficients highest-degree first.
    static func generator(degree: Int) -> [UInt8] {
        var poly: [UInt8] = [1]
        for i in 0..<degree {
            var next = [UInt8](repeating: 0, count: poly.count + 1)
            for (index, coefficient) in poly.enumerated() {
                next[index] ^= coefficient
                next[index + 1] ^= multiply(coefficient, exponents[i])
            }
            poly = next
        }
        return poly
    }

    /// The `count` error-correction codewords for `data`: the remainder of
    /// data(x)·x^count divided by the generator polynomial.
    static func errorCorrection(for data: ArraySlice<UInt8>, count: Int) -> [UInt8] {
        precondition(count >= 1 && count <= 30, "Table 9 uses 7…30 error-correction codewords per block")
        let generator = generatorLogs[count]
        var remainder = [UInt8](repeating: 0, count: count)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            if factor != 0 {
                let factorLog = logarithms[Int(factor)]
                for index in 0..<count {
                    remainder[index] ^= exponents[factorLog + generator[index]]
                }
            }
        }
        return remainder
    }
}

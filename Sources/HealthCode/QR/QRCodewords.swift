/// Turns an encoded segment into the final codeword sequence of a symbol:
/// terminator and padding (ISO/IEC 18004 §7.4.9–§7.4.10), division into
/// blocks with their Reed–Solomon codewords (§7.5), and interleaving (§7.6).
enum QRCodewords {
    /// The two pad codewords, used alternately (§7.4.10).
    static let padCodewords: [UInt8] = [0xEC, 0x11]

    /// The data codewords: mode, count, data, a terminator of up to four
    /// zero bits, zero bits to a byte boundary, then 0xEC/0x11 to capacity.
    static func data(for segment: QRSegment, version: Int, level: QRCode.ErrorCorrectionLevel) -> [UInt8] {
        let capacityBits = QRVersion.dataCodewords(version, level) * 8
        var bits = QRBitBuffer(reservingBits: capacityBits)
        bits.append(segment.mode.indicator, length: 4)
        bits.append(UInt32(segment.characterCount), length: segment.mode.characterCountBits(version: version))
        bits.append(contentsOf: segment.data)
        precondition(bits.count <= capacityBits, "segment chosen for a version it does not fit")
        // The terminator is shortened, even to nothing, when capacity ends first.
        bits.append(0, length: min(4, capacityBits - bits.count))
        bits.append(0, length: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad = 0
        while codewords.count < capacityBits / 8 {
            codewords.append(padCodewords[pad])
            pad ^= 1
        }
        return codewords
    }

    /// Splits `data` into the blocks of Table 9, computes each block's
    /// error-correction codewords, and interleaves: data codewords column by
    /// column across blocks, then error-correction codewords likewise (§7.6).
    static func interleaved(data: [UInt8], version: Int, level: QRCode.ErrorCorrectionLevel) -> [UInt8] {
        let layout = QRVersion.blocks(version, level)
        precondition(data.count == layout.dataCodewords)
        var dataBlocks: [ArraySlice<UInt8>] = []
        var ecBlocks: [[UInt8]] = []
        dataBlocks.reserveCapacity(layout.count)
        ecBlocks.reserveCapacity(layout.count)
        var offset = 0
        for index in 0..<layout.count {
            let length = layout.shortDataCodewords + (index < layout.shortBlocks ? 0 : 1)
            let block = data[offset..<(offset + length)]
            dataBlocks.append(block)
            ecBlocks.append(QRReedSolomon.errorCorrection(for: block, count: layout.ecCodewords))
            offset += length
        }
        var result: [UInt8] = []
        result.reserveCapacity(data.count + layout.count * layout.ecCodewords)
        for column in 0...layout.shortDataCodewords {
            for block in dataBlocks where column < block.count {
                result.append(block[block.startIndex + column])
            }
        }
        for column in 0..<layout.ecCodewords {
            for block in ecBlocks { result.append(block[column]) }
        }
        return result
    }
}

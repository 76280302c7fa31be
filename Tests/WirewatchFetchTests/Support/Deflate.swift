/// A tiny gzip writer for tests: one fixed-Huffman deflate block, literals plus
/// runs of the previous byte (length 258, distance 1). Enough to make a valid
/// gzip body and a gzip bomb without linking zlib into the test target.
enum Gzip {
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.blockHeader()
        for byte in bytes { writer.literal(byte) }
        writer.endOfBlock()
        return header + writer.finish() + le32(crc32(bytes)) + le32(UInt32(truncatingIfNeeded: bytes.count))
    }

    /// `count` zero bytes in ~count/160 bytes of gzip. The CRC in the trailer is
    /// left at 0: a client with a size limit stops long before checking it.
    static func zeros(_ count: Int) -> [UInt8] {
        var writer = BitWriter()
        writer.blockHeader()
        writer.literal(0)
        var remaining = count - 1
        while remaining >= 258 {
            writer.repeat258()
            remaining -= 258
        }
        for _ in 0..<remaining { writer.literal(0) }
        writer.endOfBlock()
        return header + writer.finish() + le32(0) + le32(UInt32(truncatingIfNeeded: count))
    }

    static let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]

    static func le32(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

private struct BitWriter {
    var bytes: [UInt8] = []
    var buffer: UInt32 = 0
    var count = 0

    /// Extra bits and header fields go least-significant bit first.
    mutating func bits(_ value: UInt32, _ length: Int) {
        buffer |= value << count
        count += length
        while count >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            count -= 8
        }
    }

    /// Huffman codes go most-significant bit first.
    mutating func code(_ value: UInt32, _ length: Int) {
        var reversed: UInt32 = 0
        for i in 0..<length where value & (1 << i) != 0 { reversed |= 1 << (length - 1 - i) }
        bits(reversed, length)
    }

    mutating func blockHeader() { bits(1, 1); bits(1, 2) }  // BFINAL, BTYPE=01 (fixed Huffman)

    mutating func literal(_ byte: UInt8) {
        if byte < 144 { code(0x30 + UInt32(byte), 8) } else { code(0x190 + UInt32(byte) - 144, 9) }
    }

    mutating func repeat258() { code(0xC5, 8); code(0, 5) }  // length symbol 285, distance symbol 0

    mutating func endOfBlock() { code(0, 7) }

    mutating func finish() -> [UInt8] {
        if count > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        count = 0
        return bytes
    }
}

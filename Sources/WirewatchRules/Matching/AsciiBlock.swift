/// Classifies 64 bytes of UTF-8 at once into bit masks (bit `i` for byte `i`), eight
/// bytes per 64-bit word (SWAR), for the document scanner's fast path: the runs of
/// word bytes are its words, found with a few bit operations per word instead of a
/// hard-to-predict branch per byte.
struct AsciiBlock {
    /// ASCII letters and digits, and every non-ASCII byte (it may belong to a word).
    let runs: UInt64
    /// Non-ASCII bytes: runs holding one go through the scalar loop.
    let nonASCII: UInt64
    /// ASCII lowercase letters (for the acronym rule); meaningless at non-ASCII bytes.
    let lowercase: UInt64

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// Reads 64 bytes at `pointer`.
    @inline(__always)
    init(_ pointer: UnsafePointer<UInt8>) {
        let raw = UnsafeRawPointer(pointer)
        var runs: UInt64 = 0, nonASCII: UInt64 = 0, lowercase: UInt64 = 0
        for chunk in 0..<8 {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: chunk * 8, as: UInt64.self))
            let top = x & Self.high
            let ascii = x & ~Self.high
            let lower = Self.within(ascii, 0x61, 0x7A)
            let letter = Self.within(ascii | 0x20 &* Self.ones, 0x61, 0x7A)
            let digit = Self.within(ascii, 0x30, 0x39)
            let shift = UInt64(chunk * 8)
            runs |= Self.gather(letter | digit | top) << shift
            nonASCII |= Self.gather(top) << shift
            lowercase |= Self.gather(lower) << shift
        }
        self.runs = runs
        self.nonASCII = nonASCII
        self.lowercase = lowercase
    }

    /// The high bit of each byte of `x` (every byte below 0x80) set where the byte is
    /// in `low...high`: adding `0x80 - low` sets it from `low` on, adding `0x7F - high`
    /// from `high + 1` on, and neither sum carries into the next byte.
    @inline(__always)
    private static func within(_ x: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
        let atLeast = (x &+ (0x80 - low) &* ones) & Self.high
        let above = (x &+ (0x7F - high) &* ones) & Self.high
        return atLeast & ~above
    }

    /// The high bits of the eight bytes of `x` as the low 8 bits.
    @inline(__always)
    private static func gather(_ x: UInt64) -> UInt64 {
        ((x >> 7) &* 0x0102_0408_1020_4080) >> 56
    }
}

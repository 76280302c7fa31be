/// Eight bytes at a time ("SIMD within a register") for the text scanners'
/// inner loops. Every mask is exact per byte lane: the high bit of lane k
/// is set iff byte k matches (no false positives from borrows), so the
/// first set lane is the first matching byte (little-endian loads).
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080
    static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    @inline(__always) static func load(_ p: UnsafePointer<UInt8>, _ at: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p + at).loadUnaligned(as: UInt64.self))
    }

    /// Lanes equal to zero.
    @inline(__always) static func zero(_ y: UInt64) -> UInt64 {
        ~(((y & lows) &+ lows) | y | lows)
    }

    /// Lanes equal to `c`.
    @inline(__always) static func eq(_ x: UInt64, _ c: UInt8) -> UInt64 {
        zero(x ^ (UInt64(c) &* ones))
    }

    /// Lanes below `c` (c ≤ 0x80).
    @inline(__always) static func lt(_ x: UInt64, _ c: UInt8) -> UInt64 {
        let t = (x | highs) &- (UInt64(c) &* ones)
        return ~x & ~t & highs
    }

    /// The first index at or after `i` not followed by 32 ASCII bytes: `i` moved over
    /// whole 32-byte blocks of ASCII (HTML bodies are long and nearly all ASCII).
    @inline(__always) static func skipASCIIBlocks(_ base: UnsafeRawPointer, from i: Int, count n: Int) -> Int {
        var i = i
        while i + 32 <= n {
            let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                | base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                | base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                | base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            if w & highs != 0 { break }
            i += 32
        }
        return i
    }

    /// Index (0…7) of the first set lane of a non-zero mask.
    @inline(__always) static func firstLane(_ m: UInt64) -> Int { m.trailingZeroBitCount >> 3 }

    /// Where the double-quoted attribute value starting at `start` ends (the index of
    /// its closing `"`), or nil when it holds `<`, `>` or `&` (the value needs the
    /// general path) or is not closed. Eight bytes a step.
    @inline(__always)
    static func plainQuotedValueEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = b.count
        var e = start
        let p = b.baseAddress!
        while e + 8 <= n {
            let w = load(p, e)
            let m = eq(w, 34) | eq(w, 60) | eq(w, 62) | eq(w, 38)
            if m != 0 { e += firstLane(m); break }
            e += 8
        }
        while e < n, b[e] != 34 {
            let c = b[e]
            if c == 60 || c == 62 || c == 38 { return nil }
            e += 1
        }
        return e < n ? e : nil
    }
}

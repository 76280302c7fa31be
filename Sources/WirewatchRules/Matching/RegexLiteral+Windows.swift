// Where a regex must match: windows of the text around its required strings, found
// with a two-byte vector filter (see `RegexLiteral.analyze` for the strings and the
// space bound).
extension RegexLiteral {
    /// Byte ranges of `text` that contain every match of a regex requiring one of
    /// `needles` with at most `spaces` spaces per match: [] if no needle occurs; nil
    /// when the whole text must be searched (`spaces` is nil and some needle occurs).
    ///
    /// A window runs from just after the (spaces + 1)-th space before an occurrence to
    /// the (spaces + 1)-th space after it. Only spaces between ASCII bytes count, so a
    /// window edge is a grapheme boundary next to a non-word character, where `\b`
    /// reads the same inside the window as in the whole text.
    static func windows(
        of needles: [[UInt8]], in text: String, ignoreCase: Bool, spaces: Int?
    ) -> [Range<Int>]? {
        var found: [Range<Int>] = []
        let decided = anyWindow(of: needles, in: text, ignoreCase: ignoreCase, spaces: spaces) {
            found.append($0)
            return false
        }
        // Windows of different needles may overlap: merged, in text order.
        return decided == nil ? nil : found.mergedRanges()
    }

    /// The windows tried one at a time, as the search finds them (what matching
    /// uses): true as soon as `test` accepts a window (the rest of the text is not
    /// searched), false if it accepts none or no needle occurs, nil when the whole
    /// text must be searched. Windows are merged per needle, so two needles may test
    /// overlapping text.
    /// `probes[i]`, if given, is `probeOffsets(needles[i])`, computed once per regex.
    static func anyWindow(
        of needles: [[UInt8]], in text: String, ignoreCase: Bool, spaces: Int?,
        probes: [(Int, Int)]? = nil, _ test: (Range<Int>) -> Bool
    ) -> Bool? {
        var text = text
        return text.withUTF8 { haystack -> Bool? in
            for (index, needle) in needles.enumerated() {
                var found = false
                var accepted = false
                var pending: Range<Int>?
                occurrences(
                    needle, in: haystack, ignoreCase: ignoreCase, probes: probes?[index]
                ) { occurrence in
                    found = true
                    guard let spaces else { return true }
                    let window = window(around: occurrence, spaces: spaces, in: haystack)
                    if let last = pending {
                        if window.lowerBound <= last.upperBound {
                            pending = last.lowerBound..<max(last.upperBound, window.upperBound)
                            return false
                        }
                        if test(last) {
                            accepted = true
                            return true
                        }
                    }
                    pending = window
                    return false
                }
                if found && spaces == nil { return nil }
                if accepted { return true }
                if let last = pending, test(last) { return true }
            }
            return false
        }
    }

    /// From just after the (spaces + 1)-th space before `occurrence` to the
    /// (spaces + 1)-th space after it (see `windows`).
    private static func window(
        around occurrence: Range<Int>, spaces: Int, in haystack: UnsafeBufferPointer<UInt8>
    ) -> Range<Int> {
        let n = haystack.count
        @inline(__always) func isBoundary(_ p: Int) -> Bool {
            haystack[p] == 0x20 && (p == 0 || haystack[p - 1] < 0x80)
                && (p + 1 == n || haystack[p + 1] < 0x80)
        }
        var start = occurrence.lowerBound
        var seen = 0
        while start > 0 {
            if isBoundary(start - 1) {
                seen += 1
                if seen > spaces { break }
            }
            start -= 1
        }
        var end = occurrence.upperBound
        seen = 0
        while end < n {
            if isBoundary(end) {
                seen += 1
                if seen > spaces { break }
            }
            end += 1
        }
        return start..<end
    }

    /// Calls `body` with the byte range of every occurrence of `needle` (lowercase when
    /// `ignoreCase`) in `haystack`, in order, until it returns true.
    ///
    /// Candidates are found 16 start positions at a time: two of the needle's bytes (its
    /// rarest-looking one and the next rarest at another offset) are compared with the
    /// bytes at those offsets from each start, in vector registers, and only starts where
    /// both agree are verified byte by byte. Why not `memchr` on one byte: the rules'
    /// needles are ordinary words, whose rarest letter still occurs every few dozen bytes
    /// of text, so a 6 KB item cost hundreds of `memchr` calls and verifications per
    /// needle; two bytes at a fixed distance rarely agree by chance.
    static func occurrences(
        _ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, ignoreCase: Bool,
        probes: (Int, Int)? = nil, _ body: (Range<Int>) -> Bool
    ) {
        let m = needle.count, n = haystack.count
        guard m > 0, m <= n, let base = haystack.baseAddress else { return }
        let (first, second) = probes ?? probeOffsets(needle)
        // A letter compared with case ignored: (byte | 0x20) == lowercase letter, which
        // holds exactly for its two cases. Other bytes are compared as they are.
        @inline(__always) func probe(_ byte: UInt8) -> (or: UInt8, value: UInt8) {
            ignoreCase && byte >= 0x61 && byte <= 0x7A ? (0x20, byte) : (0, byte)
        }
        let (or1, value1) = probe(needle[first])
        let (or2, value2) = probe(needle[second])
        /// Whether the needle occurs at `i` (the two probe bytes are already known to agree).
        @inline(__always) func verify(_ i: Int) -> Bool {
            var k = 0
            while k < m {
                var h = base[i + k]
                if ignoreCase && h >= 0x41 && h <= 0x5A { h += 0x20 }
                if h != needle[k] { return false }
                k += 1
            }
            return true
        }
        let lastStart = n - m
        var i = 0
        if lastStart >= 15 {
            let raw = UnsafeRawPointer(base)
            let o1 = SIMD16<UInt8>(repeating: or1), v1 = SIMD16<UInt8>(repeating: value1)
            let o2 = SIMD16<UInt8>(repeating: or2), v2 = SIMD16<UInt8>(repeating: value2)
            // Blocks of 16 starts; the loads stay within the text (start + offset < n).
            // The lane mask is read as two 64-bit words (a byte 0xFF per candidate):
            // `any(_:)` and lane subscripts are not lowered to vector code.
            @inline(__always) func block(_ at: Int) -> SIMD2<UInt64> {
                let a = raw.loadUnaligned(fromByteOffset: at + first, as: SIMD16<UInt8>.self)
                let b = raw.loadUnaligned(fromByteOffset: at + second, as: SIMD16<UInt8>.self)
                return unsafeBitCast((a | o1 .== v1) .& (b | o2 .== v2), to: SIMD2<UInt64>.self)
            }
            /// Verifies the candidates of the block at `at`; true when `body` stopped.
            @inline(__always) func candidates(_ hit: SIMD2<UInt64>, _ at: Int) -> Bool {
                var low = hit[0], high = hit[1]
                while low != 0 {
                    let lane = low.trailingZeroBitCount >> 3
                    low &= ~(0xFF << UInt64(lane << 3))
                    if verify(at + lane), body(at + lane..<at + lane + m) { return true }
                }
                while high != 0 {
                    let lane = 8 + high.trailingZeroBitCount >> 3
                    high &= ~(0xFF << UInt64((lane - 8) << 3))
                    if verify(at + lane), body(at + lane..<at + lane + m) { return true }
                }
                return false
            }
            // Two blocks per step: one test for both in the common case of no candidate.
            while i <= lastStart - 31 {
                let hitA = block(i), hitB = block(i + 16)
                let both = hitA | hitB
                if both[0] | both[1] != 0 {
                    if candidates(hitA, i) || candidates(hitB, i + 16) { return }
                }
                i += 32
            }
            if i <= lastStart - 15 {
                if candidates(block(i), i) { return }
                i += 16
            }
        }
        while i <= lastStart {
            if base[i + first] | or1 == value1, base[i + second] | or2 == value2, verify(i) {
                if body(i..<i + m) { return }
            }
            i += 1
        }
    }

    /// The two needle offsets whose bytes `occurrences` compares first: the rarest-looking
    /// byte and the rarest of the others (the same offset twice for a one-byte needle).
    static func probeOffsets(_ needle: [UInt8]) -> (Int, Int) {
        // By rarity, then the earlier offset; no allocation (this runs per search).
        @inline(__always) func better(_ a: Int, than b: Int) -> Bool {
            let (ra, rb) = (rarity(needle[a]), rarity(needle[b]))
            return ra > rb || (ra == rb && a < b)
        }
        var best = 0
        for k in needle.indices where better(k, than: best) { best = k }
        var other = -1
        for k in needle.indices where k != best {
            // A second byte equal to the first adds little: prefer a different one.
            if other < 0 { other = k; continue }
            let differs = needle[k] != needle[best], otherDiffers = needle[other] != needle[best]
            if differs != otherDiffers ? differs : better(k, than: other) { other = k }
        }
        return (best, other < 0 ? best : other)
    }

    /// How rare a byte looks in English text (higher is rarer): spaces and common
    /// letters are poor probe bytes for `occurrences`.
    @inline(__always)
    static func rarity(_ byte: UInt8) -> Int { Int(rarityTable[Int(byte)]) }

    private static let rarityTable: [UInt8] = (0..<256).map { value -> UInt8 in
        let common = Array(" etaoinsrhldcumfpgwybvkxjqz".utf8)
        let byte = UInt8(value)
        if let rank = common.firstIndex(of: byte) { return UInt8(rank) }
        if byte >= 0x41 && byte <= 0x5A, let rank = common.firstIndex(of: byte + 0x20) {
            return UInt8(rank + 1)
        }
        return 40  // digits, punctuation, non-letters
    }
}

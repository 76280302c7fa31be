#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Where a regex must match: windows of the text around its required strings, found
// with memchr (see `RegexLiteral.analyze` for the strings and the space bound).
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
    static func anyWindow(
        of needles: [[UInt8]], in text: String, ignoreCase: Bool, spaces: Int?,
        _ test: (Range<Int>) -> Bool
    ) -> Bool? {
        var text = text
        return text.withUTF8 { haystack -> Bool? in
            for needle in needles {
                var found = false
                var accepted = false
                var pending: Range<Int>?
                occurrences(needle, in: haystack, ignoreCase: ignoreCase) { occurrence in
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
    /// `ignoreCase`) in `haystack`, in order, until it returns true. Candidates are
    /// found with `memchr` (vectorized in the C library) on the needle's rarest-looking
    /// byte (in both cases when it is a letter and case is ignored), then verified.
    static func occurrences(
        _ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, ignoreCase: Bool,
        _ body: (Range<Int>) -> Bool
    ) {
        let m = needle.count, n = haystack.count
        guard m > 0, m <= n, let base = haystack.baseAddress else { return }
        let anchor = needle.indices.max { rarity(needle[$0]) < rarity(needle[$1]) }!
        let first = needle[anchor]
        let isLetter = first >= 0x61 && first <= 0x7A
        let other = ignoreCase && isLetter ? first - 0x20 : first
        let lastStart = n - m
        /// The next start ≥ `from` whose anchor byte is `byte`, or nil.
        func next(_ byte: UInt8, from: Int) -> Int? {
            guard from <= lastStart else { return nil }
            guard let found = memchr(base + from + anchor, Int32(byte), lastStart + 1 - from)
            else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base) - anchor
        }
        var nextFirst = next(first, from: 0)
        var nextOther = other == first ? nil : next(other, from: 0)
        while true {
            let i: Int
            switch (nextFirst, nextOther) {
            case (nil, nil): return
            case (let a?, nil): i = a; nextFirst = next(first, from: a + 1)
            case (nil, let b?): i = b; nextOther = next(other, from: b + 1)
            case (let a?, let b?):
                if a < b {
                    i = a
                    nextFirst = next(first, from: a + 1)
                } else {
                    i = b
                    nextOther = next(other, from: b + 1)
                }
            }
            var k = 0
            while k < m {
                var h = base[i + k]
                if ignoreCase && h >= 0x41 && h <= 0x5A { h += 0x20 }
                if h != needle[k] { break }
                k += 1
            }
            if k == m, body(i..<i + m) { return }
        }
    }

    /// How rare a byte looks in English text (higher is rarer): spaces and common
    /// letters are poor anchors for `memchr`.
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

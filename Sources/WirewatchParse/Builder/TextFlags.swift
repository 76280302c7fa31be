/// What a collected text needs, found in one pass over its UTF-8 bytes, so
/// the common case (plain ASCII-ish text) skips the string fix-ups.
struct TextFlags {
    /// Contains `<` or `&` (markup to normalize).
    var hasMarkup = false
    /// Contains U+0080…U+009F (C2 80…C2 9F).
    var hasC1 = false
    /// Non-ASCII, all of it in U+0080…U+00FF: maybe UTF-8 read as Latin-1.
    var onlyLatin1High = false
    /// Starts or ends with whitespace.
    var mayNeedStrip = false

    init(_ b: UnsafeBufferPointer<UInt8>) {
        guard let f = b.first, let l = b.last else { return }
        mayNeedStrip = f <= 32 || l <= 32 || f >= 0x80 || l >= 0x80
        var sawHigh = false
        var beyondLatin1 = false
        var prevC2 = false
        var markup = false
        var c1 = false
        do {
            let n = b.count
            var i = 0
            let base = UnsafeRawPointer(b.baseAddress!)
            while i < n {
                // Once markup is known, only non-ASCII bytes matter: 32 bytes
                // a step (HTML bodies are long and nearly all ASCII).
                if markup {
                    let skipped = SWAR.skipASCIIBlocks(base, from: i, count: n)
                    if skipped > i {
                        prevC2 = false
                        i = skipped
                    }
                    guard i < n else { break }
                }
                // Eight ASCII bytes at a time, testing for '<' (3C) and '&' (26)
                // with the classic "has zero byte" trick.
                if i + 8 <= n {
                    let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if w & 0x8080_8080_8080_8080 == 0 {
                        if !markup {
                            let lt = w ^ 0x3C3C_3C3C_3C3C_3C3C
                            let amp = w ^ 0x2626_2626_2626_2626
                            let z1 = (lt &- 0x0101_0101_0101_0101) & ~lt & 0x8080_8080_8080_8080
                            let z2 = (amp &- 0x0101_0101_0101_0101) & ~amp & 0x8080_8080_8080_8080
                            if z1 | z2 != 0 { markup = true }
                        }
                        prevC2 = false
                        i += 8
                        continue
                    }
                }
                let c = b[i]
                if c < 0x80 {
                    if c == 60 || c == 38 { markup = true }
                    prevC2 = false
                } else {
                    sawHigh = true
                    if c >= 0xC4 && c < 0xF8 { beyondLatin1 = true }
                    if prevC2, c <= 0x9F { c1 = true }
                    prevC2 = c == 0xC2
                }
                i += 1
            }
        }
        hasMarkup = markup
        hasC1 = c1
        onlyLatin1High = sawHigh && !beyondLatin1
    }
}

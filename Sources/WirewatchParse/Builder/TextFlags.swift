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

    init(_ b: ArraySlice<UInt8>) {
        guard let f = b.first, let l = b.last else { return }
        mayNeedStrip = f <= 32 || l <= 32 || f >= 0x80 || l >= 0x80
        var sawHigh = false
        var beyondLatin1 = false
        var prevC2 = false
        for c in b {
            if c < 0x80 {
                if c == 60 || c == 38 { hasMarkup = true }
                prevC2 = false
                continue
            }
            sawHigh = true
            if c >= 0xC4 && c < 0xF8 { beyondLatin1 = true }
            if prevC2, c <= 0x9F { hasC1 = true }
            prevC2 = c == 0xC2
        }
        onlyLatin1High = sawHigh && !beyondLatin1
    }
}

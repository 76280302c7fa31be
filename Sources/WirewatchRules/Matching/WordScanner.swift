/// One word found by `WordScanner`: a range of the folded byte buffer plus what the
/// acronym rule needs to know about the original spelling.
struct ScannedWord: Sendable {
    /// Range of the folded word in the scanner's byte buffer.
    var start: Int32
    var end: Int32
    /// Length, in folded bytes, of the leading run of characters written without
    /// lowercase ("ICEland" → 3, "ICE" → 3, "Ice" → 1). A case-sensitive term of n
    /// folded bytes matches a word only if this is at least n (and, for a whole word,
    /// the word is n bytes long): that is "written in capitals" without a second,
    /// case-preserving copy of the text.
    var upperPrefix: Int32
    /// Number of uppercase letters, and whether any letter is lowercase: a query word
    /// with two or more capitals and no lowercase is an acronym.
    var upperLetters: Int32
    var hasLower: Bool

    var count: Int { Int(end - start) }
    var isAcronym: Bool { upperLetters >= 2 && !hasLower }
}

/// Splits text into folded words, working on UTF-8 bytes. A word is a run of letters,
/// digits and combining marks, or one ideograph or kana; everything else (spaces,
/// punctuation, apostrophes, hyphens, curly quotes) separates words.
enum WordScanner {
    /// Appends the folded bytes of `text`'s words to `bytes` and their ranges to `words`.
    /// Callers reuse both buffers across fields.
    static func scan(_ text: String, into bytes: inout [UInt8], words: inout [ScannedWord]) {
        let table = FoldTable.shared
        var text = text
        text.withUTF8 { utf8 in
            // Write through a pointer into room made up front: appending byte by byte
            // pays a uniqueness and capacity check per byte.
            let base = bytes.count
            bytes.append(
                contentsOf: repeatElement(
                    0, count: utf8.count * FoldTable.growth + FoldTable.maximumFoldedBytes))
            var written = base
            bytes.withUnsafeMutableBufferPointer { out in
                scan(utf8, table: table, into: out, written: &written, words: &words)
            }
            bytes.removeSubrange(written...)
        }
    }

    private static func scan(
        _ utf8: UnsafeBufferPointer<UInt8>, table: FoldTable,
        into out: UnsafeMutableBufferPointer<UInt8>, written: inout Int,
        words: inout [ScannedWord]
    ) {
        var i = 0
        var inWord = false
        var upperRun = true
        var current = ScannedWord(
            start: 0, end: 0, upperPrefix: 0, upperLetters: 0, hasLower: false)
        while i < utf8.count {
            let lead = utf8[i]
            let scalar: UInt32
            if lead < 0x80 {
                scalar = UInt32(lead)
                i += 1
            } else if lead < 0xE0 {
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                i += 2
            } else if lead < 0xF0 {
                scalar = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6
                    | UInt32(utf8[i + 2] & 0x3F)
                i += 3
            } else {
                scalar = UInt32(lead & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12
                    | UInt32(utf8[i + 2] & 0x3F) << 6 | UInt32(utf8[i + 3] & 0x3F)
                i += 4
            }

            if !inWord {
                current.start = Int32(written)
            }
            let before = written
            switch table.fold(scalar, into: out, at: &written) {
            case .standalone:
                if inWord {
                    current.end = Int32(before)
                    if current.end > current.start { words.append(current) }
                    inWord = false
                }
                words.append(ScannedWord(
                    start: Int32(before), end: Int32(written), upperPrefix: 0, upperLetters: 0, hasLower: false))
            case .separator:
                if inWord {
                    current.end = Int32(written)
                    if current.end > current.start { words.append(current) }
                    inWord = false
                }
            case .word(let lower, let upper):
                if !inWord {
                    inWord = true
                    upperRun = true
                    current.upperPrefix = 0
                    current.upperLetters = 0
                    current.hasLower = false
                }
                if lower {
                    upperRun = false
                    current.hasLower = true
                }
                if upper { current.upperLetters += 1 }
                if upperRun { current.upperPrefix = Int32(written) - current.start }
            }
        }
        if inWord {
            current.end = Int32(written)
            if current.end > current.start { words.append(current) }
        }
    }
}

import WirewatchCore

/// Turns plain text into a sequence of word hashes, straight from the UTF-8 bytes.
///
/// Normalization: case-fold, strip Latin diacritics (`LatinFold`), drop
/// punctuation, split on everything that is not a letter or a digit. Apostrophes
/// join ("ICE's" → "ices", "don’t" → "dont") and so do separators inside numbers
/// ("1,200" → "1200"), so house styles that differ only there agree. Each word is
/// hashed while it is scanned (FNV-1a, then a finalizer): no String or Array per
/// word, no Foundation, no regular expressions — the signature sits on the
/// ingest hot path (> 6,000 items/s including SQLite on one core).
enum TextNormalizer {
    /// Appends the hash of every word of `text` to `words`.
    static func appendWordHashes(of text: String, to words: inout [UInt64]) {
        var text = text
        text.withUTF8 { bytes in
            scan(bytes, into: &words)
        }
    }

    /// The word hashes of `text`.
    static func wordHashes(of text: String) -> [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(text.utf8.count / 5 + 1)
        appendWordHashes(of: text, to: &words)
        return words
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into words: inout [UInt64]) {
        var hash = StableHash.fnvOffset
        var inWord = false
        var previous: UInt8 = 0
        let count = bytes.count
        var i = 0

        @inline(__always) func endWord() {
            if inWord {
                words.append(StableHash.mix(hash))
                hash = StableHash.fnvOffset
                inWord = false
            }
        }
        @inline(__always) func add(_ byte: UInt8) {
            hash = StableHash.fnv(hash, byte)
            inWord = true
        }

        while i < count {
            let byte = bytes[i]
            if byte < 0x80 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    add(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    add(byte | 0x20)
                case UInt8(ascii: "'"):
                    break  // joins: "ICE's" and "ICEs" are one word
                case UInt8(ascii: ","), UInt8(ascii: "."):
                    let nextIsDigit = i + 1 < count && bytes[i + 1] &- UInt8(ascii: "0") < 10
                    let previousIsDigit = previous &- UInt8(ascii: "0") < 10
                    if !(inWord && previousIsDigit && nextIsDigit) { endWord() }
                default:
                    endWord()
                }
                previous = byte
                i += 1
                continue
            }

            // Multi-byte scalar: decode by hand (the input is valid UTF-8, but a
            // stray byte must never trap, so it is treated as a separator).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            guard length > 1, i + length <= count else {
                endWord()
                previous = byte
                i += 1
                continue
            }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            previous = 0
            if value >= LatinFold.first && value <= LatinFold.last {
                let folded = LatinFold.table[Int(value - LatinFold.first)]
                if folded == 0 {
                    endWord()
                } else {
                    add(UInt8(truncatingIfNeeded: folded))
                    if folded > 0xFF { add(UInt8(truncatingIfNeeded: folded >> 8)) }
                }
            } else if isJoiner(value) {
                // no-op: combining marks (decomposed accents), curly apostrophes, soft hyphen
            } else if value < 0x2000 || value >= 0x3000,  // U+2000–2FFF: punctuation, symbols
                let scalar = Unicode.Scalar(value),
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            {
                // Rare on this path (Greek, Cyrillic, CJK, …): fold case with the
                // standard mapping, hash the bytes of the folded scalar.
                if UnspacedScript.isStandalone(value) {
                    // Chinese and Japanese are written without spaces: each
                    // character is a word, so shingles become character trigrams
                    // instead of one "word" per sentence.
                    endWord()
                    for k in 0..<length { add(bytes[i + k]) }
                    endWord()
                } else if scalar.properties.changesWhenLowercased {
                    for b in scalar.properties.lowercaseMapping.utf8 { add(b) }
                } else {
                    for k in 0..<length { add(bytes[i + k]) }
                }
            } else {
                endWord()  // punctuation, dashes, quotes, spaces, symbols
            }
            i += length
        }
        endWord()
    }

    @inline(__always)
    static func isJoiner(_ value: UInt32) -> Bool {
        (value >= 0x0300 && value <= 0x036F) || value == 0x2018 || value == 0x2019
            || value == 0x00AD || (value >= 0x200B && value <= 0x200D) || value == 0x2060
    }
}

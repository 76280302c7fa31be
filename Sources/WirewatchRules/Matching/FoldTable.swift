import WirewatchCore

/// Case and diacritics folding without Foundation: a precomputed table for ASCII,
/// Latin-1 and Latin Extended-A (where nearly all feed text lives), a few cheap ranges
/// for Greek and Cyrillic, and the stdlib's Unicode properties for the rest.
///
/// Folding is per scalar: "É" → "e", "ß" → "ss", "Æ" → "ae". Combining marks are
/// dropped, so decomposed text ("e" + U+0301) folds like precomposed text.
struct FoldTable: Sendable {
    /// What a scalar contributes to words.
    enum Class {
        /// Ends a word (spaces, punctuation, symbols).
        case separator
        /// Part of a word; its folded bytes were appended. `lower`/`upper` report the
        /// case of the original letter (digits and marks are neither).
        case word(lower: Bool, upper: Bool)
        /// A word by itself; its bytes were appended. Chinese and Japanese are
        /// written without spaces, so each ideograph and kana is one word, and a
        /// term of several (罢工, ストライキ) is the phrase of them, as search engines
        /// without a dictionary do. The archive's index separates them the same way.
        case standalone
    }

    static let shared = FoldTable()

    /// Scalars below this are served from the table.
    static let tableLimit: UInt32 = 0x180

    private let isWord: [Bool]
    private let isLower: [Bool]
    private let isUpper: [Bool]
    private let foldStart: [UInt16]
    private let foldCount: [UInt8]
    private let foldBytes: [UInt8]

    private init() {
        // Base letters of U+00C0…U+00FF and U+0100…U+017F, one entry per scalar;
        // "-" marks the two non-letters (× and ÷).
        let latin1 = """
            a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th ss \
            a a a a a a ae c e e e e i i i i d n o o o o o - o u u u u y th y
            """
        let extendedA = """
            a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g g g g g \
            h h h h i i i i i i i i i i ij ij j j k k k l l l l l l l l l l \
            n n n n n n n n n o o o o o o oe oe r r r r r r s s s s s s s s \
            t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s
            """
        var folds = [String?](repeating: nil, count: Int(Self.tableLimit))
        for v in 0..<0x80 {
            let scalar = Unicode.Scalar(UInt8(v))
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                folds[v] = String(scalar).lowercased()
            }
        }
        folds[0xAA] = "a"  // ª
        folds[0xB5] = "μ"  // µ (micro sign) folds like Greek mu
        folds[0xBA] = "o"  // º
        folds[0xAD] = ""  // soft hyphen: invisible, inside words
        let entries = (latin1 + " " + extendedA).split(separator: " ")
        precondition(entries.count == 0x180 - 0xC0, "fold table has a wrong length")
        for (offset, entry) in entries.enumerated() where entry != "-" {
            folds[0xC0 + offset] = String(entry)
        }

        var isWord: [Bool] = [], isLower: [Bool] = [], isUpper: [Bool] = []
        var foldStart: [UInt16] = [], foldCount: [UInt8] = [], foldBytes: [UInt8] = []
        for v in 0..<Int(Self.tableLimit) {
            let properties = Unicode.Scalar(UInt32(v))!.properties
            isWord.append(folds[v] != nil)
            isLower.append(properties.isLowercase)
            isUpper.append(properties.isUppercase)
            foldStart.append(UInt16(foldBytes.count))
            let bytes = Array((folds[v] ?? "").utf8)
            foldCount.append(UInt8(bytes.count))
            foldBytes.append(contentsOf: bytes)
        }
        self.isWord = isWord
        self.isLower = isLower
        self.isUpper = isUpper
        self.foldStart = foldStart
        self.foldCount = foldCount
        self.foldBytes = foldBytes
    }

    /// The most bytes one scalar can fold to (lowercase mappings are at most two scalars).
    static let maximumFoldedBytes = 8
    /// Buffers sized `input UTF-8 count * growth + maximumFoldedBytes` always suffice:
    /// no scalar folds to more than twice its own UTF-8 length.
    static let growth = 2

    /// Folds one scalar, writing its folded UTF-8 at `out[written...]` (advancing
    /// `written`) if it belongs to words. `out` must have `maximumFoldedBytes` free.
    @inline(__always)
    func fold(
        _ v: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
    ) -> Class {
        if v < Self.tableLimit {
            let i = Int(v)
            guard isWord[i] else { return .separator }
            let start = Int(foldStart[i])
            for j in start..<start + Int(foldCount[i]) {
                out[written] = foldBytes[j]
                written += 1
            }
            return .word(lower: isLower[i], upper: isUpper[i])
        }
        return foldOther(v, into: out, at: &written)
    }

    /// `fold(_:into:at:)` appending to an array, for short values off the hot path.
    func fold(_ v: UInt32, into bytes: inout [UInt8]) -> Class {
        let capacity = Self.maximumFoldedBytes
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { scratch in
            var written = 0
            let result = fold(v, into: scratch, at: &written)
            bytes.append(contentsOf: scratch[..<written])
            return result
        }
    }

    private func foldOther(
        _ v: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
    ) -> Class {
        switch v {
        case 0x300...0x36F, 0x200B...0x200D, 0x2060, 0xFEFF:
            // Combining diacritics vanish; zero-width (non-)joiners stay inside words.
            return .word(lower: false, upper: false)
        case 0x391...0x3A9 where v != 0x3A2, 0x410...0x42F:  // Greek, Cyrillic capitals
            Self.writeUTF8(v + 0x20, to: out, at: &written)
            return .word(lower: false, upper: true)
        case 0x400...0x40F:  // Cyrillic capitals with diacritics (Ё, Ђ, …)
            Self.writeUTF8(v + 0x50, to: out, at: &written)
            return .word(lower: false, upper: true)
        case 0x3C2:  // final sigma folds like σ
            Self.writeUTF8(0x3C3, to: out, at: &written)
            return .word(lower: true, upper: false)
        default:
            break
        }
        if UnspacedScript.isStandalone(v) {
            Self.writeUTF8(v, to: out, at: &written)
            return .standalone
        }
        guard let scalar = Unicode.Scalar(v) else { return .separator }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .word(lower: false, upper: false)
        default:
            break
        }
        guard properties.isAlphabetic || properties.numericType != nil else { return .separator }
        if properties.changesWhenLowercased {
            for lowered in properties.lowercaseMapping.unicodeScalars.prefix(2) {
                Self.writeUTF8(lowered.value, to: out, at: &written)
            }
        } else {
            Self.writeUTF8(v, to: out, at: &written)
        }
        return .word(lower: properties.isLowercase, upper: properties.isUppercase)
    }

    @inline(__always)
    static func writeUTF8(
        _ v: UInt32, to out: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
    ) {
        switch v {
        case 0..<0x80:
            out[written] = UInt8(v)
            written += 1
        case 0x80..<0x800:
            out[written] = UInt8(0xC0 | (v >> 6))
            out[written + 1] = UInt8(0x80 | (v & 0x3F))
            written += 2
        case 0x800..<0x10000:
            out[written] = UInt8(0xE0 | (v >> 12))
            out[written + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[written + 2] = UInt8(0x80 | (v & 0x3F))
            written += 3
        default:
            out[written] = UInt8(0xF0 | (v >> 18))
            out[written + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            out[written + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[written + 3] = UInt8(0x80 | (v & 0x3F))
            written += 4
        }
    }
}

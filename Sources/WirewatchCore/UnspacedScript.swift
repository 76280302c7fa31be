/// Chinese and Japanese are written without spaces between words, so the
/// rules engine, the search index and story signatures all read each
/// ideograph and kana as a word of its own. One definition, so the three
/// split text the same way (a term found by rules is found by search).
public enum UnspacedScript {
    /// Hiragana, katakana (with its phonetic extensions and the half-width
    /// forms) and CJK ideographs (unified, extension A, compatibility, and the
    /// supplementary planes' extensions).
    @inlinable
    public static func isStandalone(_ value: UInt32) -> Bool {
        switch value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0xFF66...0xFF9F, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }
}

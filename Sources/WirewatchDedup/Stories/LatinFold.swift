/// Diacritic stripping for Latin letters (U+00C0–U+017F) and case folding of the
/// same range, so "Peña", "PENA" and "pena" are one word.
///
/// A small fixed table instead of Unicode normalization: it covers the letters
/// of the European languages the feeds carry, costs one array read per letter
/// and needs no Foundation.
enum LatinFold {
    static let first: UInt32 = 0xC0
    static let last: UInt32 = 0x17F

    /// Per scalar from U+00C0: up to two ASCII bytes packed (low byte first);
    /// 0 means "not a letter" (× and ÷), i.e. a separator.
    static let table: [UInt16] = {
        // U+00C0–U+00DF; U+00E0–U+00FF repeat it in lower case except ß/ÿ.
        let latin1Upper = "a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th ss"
        let latin1Lower = "a a a a a a ae c e e e e i i i i d n o o o o o _ o u u u u y th y"
        // U+0100–U+017F, Latin Extended-A, as runs of (folded letters, count).
        let extendedA: [(String, Int)] = [
            ("a", 6), ("c", 8), ("d", 4), ("e", 10), ("g", 8), ("h", 4), ("i", 10), ("ij", 2),
            ("j", 2), ("k", 3), ("l", 10), ("n", 9), ("o", 6), ("oe", 2), ("r", 6), ("s", 8),
            ("t", 6), ("u", 12), ("w", 2), ("y", 3), ("z", 6), ("s", 1),
        ]
        func pack(_ token: Substring) -> UInt16 {
            if token == "_" { return 0 }
            let bytes = Array(token.utf8)
            return UInt16(bytes[0]) | (bytes.count > 1 ? UInt16(bytes[1]) << 8 : 0)
        }
        var table: [UInt16] = []
        table += latin1Upper.split(separator: " ").map(pack)
        table += latin1Lower.split(separator: " ").map(pack)
        for (letters, count) in extendedA {
            table += Array(repeating: pack(Substring(letters)), count: count)
        }
        precondition(table.count == Int(last - first + 1))
        return table
    }()
}

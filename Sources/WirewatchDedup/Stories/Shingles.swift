/// Word 3-shingles: the features the MinHash signatures are built from.
///
/// Measured on news-like text (research anchors §3): word 3-shingles give
/// republished copies J ≈ 0.96 and lightly edited ones J ≈ 0.55–0.86 with their
/// source, while different articles on the same topic stay near J = 0 even when
/// they share the same names and keywords (single shared words form no shared
/// 3-shingles).
enum Shingles {
    static let width = 3

    /// Appends the hash of every run of three consecutive words among the first `count`.
    /// Texts of fewer than three words have no shingles.
    static func append(
        from words: UnsafeBufferPointer<UInt64>, count: Int, to shingles: inout [UInt64]
    ) {
        guard count >= width else { return }
        for i in 0...(count - width) {
            shingles.append(hash(words[i], words[i + 1], words[i + 2]))
        }
    }

    /// Order-sensitive: "police arrested protesters" ≠ "protesters arrested police".
    @inline(__always)
    static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        StableHash.mix(a &* 0x9e37_79b9_7f4a_7c15 &+ b &* 0xc2b2_ae3d_27d4_eb4f &+ (c ^ 0x1656_67b1_9e37_79f9))
    }
}

extension Shingles {
    /// Removes repeated shingles in place, keeping first occurrences in order,
    /// and returns how many distinct shingles the first `prefix` ones held.
    ///
    /// The containment estimate C = J(|Q|+|X|)/((1+J)|Q|) needs the sizes of the
    /// shingle *sets*; counting repeats (a name and "said" recurring) inflated
    /// the longer text's size and let a brief that shares a quote pass for an
    /// excerpt. An open-addressing table of twice the size: no allocation per
    /// shingle, O(n).
    static func deduplicate(_ shingles: inout [UInt64], prefix: Int) -> Int {
        let count = shingles.count
        guard count > 1 else { return count }
        var capacity = 16
        while capacity < 2 * count { capacity <<= 1 }
        let mask = capacity - 1
        var table = [UInt64](repeating: 0, count: capacity)
        var kept = 0
        var keptInPrefix = 0
        table.withUnsafeMutableBufferPointer { table in
            shingles.withUnsafeMutableBufferPointer { shingles in
                for i in 0..<count {
                    let value = shingles[i] == 0 ? 1 : shingles[i]  // 0 marks an empty slot
                    var slot = Int(truncatingIfNeeded: value >> 7) & mask
                    var seen = false
                    while table[slot] != 0 {
                        if table[slot] == value { seen = true; break }
                        slot = (slot + 1) & mask
                    }
                    if seen { continue }
                    table[slot] = value
                    shingles[kept] = value
                    kept += 1
                    if i < prefix { keptInPrefix = kept }
                }
            }
        }
        shingles.removeLast(count - kept)
        return keptInPrefix
    }
}

/// Word pairs that trigger phrases: a rule set gives each pair of consecutive phrase
/// words it triggers on (see `MatchNode.triggers(_:pair:)`) a pseudo-atom id after its
/// real atoms. After a document is scanned, `find` sets each pseudo-atom in `fieldMask`
/// (no word positions) for the fields where its two atoms occur as consecutive words,
/// and lists it in `touched`, so that it triggers rules like an atom.
///
/// Why: a phrase triggered by one of its words made its rule a candidate wherever that
/// word occurred, and in a large rule set most such candidates were evaluated only to
/// find the words apart (in the 10,000-rule benchmark, about 170 of the 330 rules
/// evaluated per item, each a cache miss in the program). A pair occurs much more
/// rarely than either word, and for a two-word phrase it is the phrase itself, so the
/// rule is accepted without evaluation.
///
/// Pairs are found from the atoms a document touched, not per word while scanning: a
/// pass over every word's hits cost the 1,000-rule set more than it saved.
///
/// Immutable after `init`, hence `@unchecked Sendable`.
final class PairTable: @unchecked Sendable {
    /// Pseudo-atom ids are `base + index`; `base` is the number of real atoms.
    let base: Int32
    let count: Int
    /// Per real atom `a`: the pairs it ends, `partners[start[a]..<start[a + 1]]`, each
    /// `first << 32 | pseudo-atom`.
    private let start: UnsafeMutablePointer<Int32>
    private let partners: UnsafeMutablePointer<UInt64>

    /// `pairs[i]` (first, second) gets pseudo-atom `base + i`.
    init(_ pairs: [(Int32, Int32)], base: Int32) {
        self.base = base
        count = pairs.count
        let atoms = Int(base)
        var lists = [[UInt64]](repeating: [], count: atoms)
        for (index, pair) in pairs.enumerated() {
            lists[Int(pair.1)].append(UInt64(UInt32(bitPattern: pair.0)) << 32 | UInt64(UInt32(base) + UInt32(index)))
        }
        start = .allocate(capacity: atoms + 1)
        partners = .allocate(capacity: max(1, pairs.count))
        var offset = 0
        for atom in 0..<atoms {
            start[atom] = Int32(offset)
            for entry in lists[atom] {
                partners[offset] = entry
                offset += 1
            }
        }
        start[atoms] = Int32(offset)
    }

    deinit {
        start.deallocate()
        partners.deallocate()
    }

    @inline(__always)
    static func key(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    /// Sets the pseudo-atoms of the pairs that occur in the scanned document: for each
    /// touched atom that ends some pair, whether its partner occurs on the word before
    /// one of its occurrences, in fields where both occur. The two atoms' position
    /// codes (`field << 28 | position`, ascending) are merged: a pair occurs where a
    /// code of the first plus one is a code of the second in the same field.
    func find(in scratch: Scratch) {
        guard count > 0 else { return }
        let fieldMask = scratch.fieldMask
        let rangeStart = scratch.rangeStart, rangeEnd = scratch.rangeEnd
        let postings = scratch.postings.base
        let positionMask = DocumentScanner.positionMask
        var touched = scratch.touched
        let atoms = touched.count
        for index in 0..<atoms {
            let second = Int(touched[index])
            let lower = Int(start[second]), upper = Int(start[second + 1])
            guard lower < upper else { continue }
            let secondFields = fieldMask[second]
            for slot in lower..<upper {
                let entry = partners[slot]
                let first = Int(Int32(truncatingIfNeeded: entry >> 32))
                let pseudo = Int(Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF))
                guard secondFields & fieldMask[first] != 0 else { continue }
                var i = Int(rangeStart[first]), j = Int(rangeStart[second])
                let iEnd = Int(rangeEnd[first]), jEnd = Int(rangeEnd[second])
                var found: UInt8 = 0
                while i < iEnd && j < jEnd {
                    let next = postings[i] &+ 1, code = postings[j]
                    if next < code {
                        i += 1
                    } else if next > code {
                        j += 1
                    } else {
                        // Same field: the first word is not the field's last position.
                        if code & positionMask != 0 { found |= 1 << UInt8(code >> DocumentScanner.positionBits) }
                        i += 1
                        j += 1
                    }
                }
                guard found != 0 else { continue }
                if fieldMask[pseudo] == 0 { touched.append(Int32(pseudo)) }
                fieldMask[pseudo] |= found
            }
        }
        scratch.touched = touched
    }
}

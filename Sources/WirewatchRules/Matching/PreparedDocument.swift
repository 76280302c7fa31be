/// A document tokenized once for a lexicon: which atoms occur in which text fields
/// (one byte of field bits per atom) and where (a sorted position list per atom), plus
/// its normalized values. Every rule of a rule set evaluates against the same one.
struct PreparedDocument {
    let document: RuleDocument
    /// Per atom: `TextFields` bits of the fields it occurs in.
    private(set) var fieldMask: [UInt8]
    /// Per atom, `postings[offsets[a]..<offsets[a + 1]]` are its occurrences encoded by
    /// `code(field:position:)`, ascending (fields are scanned in order, words in order).
    private var offsets: [Int32]
    private var postings: [UInt32]

    let feed: [UInt8]
    let link: [UInt8]
    let language: [UInt8]
    let tags: [[UInt8]]
    let categories: [[UInt8]]

    private static let positionBits: UInt32 = 28
    private static let positionMask: UInt32 = (1 << positionBits) - 1

    @inline(__always)
    static func code(field: Int, position: Int) -> UInt32 {
        UInt32(field) << positionBits | UInt32(min(position, Int(positionMask)))
    }

    /// Tokenizes only the text fields in `fields` (those some rule reads), and
    /// normalizes the value fields only if some rule compares values.
    init(_ document: RuleDocument, lexicon: Lexicon, fields: TextFields, values: Bool) {
        self.document = document
        if values {
            feed = ValueText.normalize(document.feed, field: .feed)
            link = ValueText.normalize(document.link, field: .link)
            language = ValueText.normalize(document.language, field: .lang)
            tags = document.tags.map { ValueText.normalize($0, field: .tag) }
            categories = document.categories.map { ValueText.normalize($0, field: .category) }
        } else {
            (feed, link, language, tags, categories) = ([], [], [], [], [])
        }

        let atomCount = lexicon.atoms.count
        fieldMask = [UInt8](repeating: 0, count: atomCount)
        var hitAtoms: [Int32] = []
        var hitCodes: [UInt32] = []
        if atomCount > 0 {
            // One byte buffer and one word list, reused for every field.
            var bytes: [UInt8] = []
            var words: [ScannedWord] = []
            let texts = [document.title, document.summary, document.content, document.author]
            for (field, bit) in TextFields.ordered.enumerated() where fields.contains(bit) {
                bytes.removeAll(keepingCapacity: true)
                words.removeAll(keepingCapacity: true)
                WordScanner.scan(texts[field], into: &bytes, words: &words)
                Self.lookUp(
                    words: words, bytes: bytes, field: field, lexicon: lexicon,
                    fieldMask: &fieldMask, hitAtoms: &hitAtoms, hitCodes: &hitCodes)
            }
        }

        // Counting sort of the hits by atom; each atom's list stays in text order.
        var offsets = [Int32](repeating: 0, count: atomCount + 1)
        for atom in hitAtoms { offsets[Int(atom) + 1] += 1 }
        for index in 0..<atomCount { offsets[index + 1] += offsets[index] }
        var cursor = offsets
        var postings = [UInt32](repeating: 0, count: hitCodes.count)
        for (atom, code) in zip(hitAtoms, hitCodes) {
            postings[Int(cursor[Int(atom)])] = code
            cursor[Int(atom)] += 1
        }
        self.offsets = offsets
        self.postings = postings
    }

    /// One hash lookup per word for exact atoms, plus one per prefix length that some
    /// prefix atom has; the hash is computed incrementally along the word.
    private static func lookUp(
        words: [ScannedWord], bytes: [UInt8], field: Int, lexicon: Lexicon,
        fieldMask: inout [UInt8], hitAtoms: inout [Int32], hitCodes: inout [UInt32]
    ) {
        let atoms = lexicon.atoms
        let isPrefixLength = lexicon.isPrefixLength
        let bit = TextFields.ordered[field].rawValue
        for (position, word) in words.enumerated() {
            let start = Int(word.start)
            let count = word.count

            func record(_ index: AtomIndex, hash: UInt64, length: Int) {
                var id = index.first(hash)
                while id >= 0 {
                    let atom = atoms[Int(id)]
                    if atom.folded.count == length,
                       !atom.caseSensitive || Int(word.upperPrefix) >= length,
                       atom.folded.elementsEqual(bytes[start..<start + length])
                    {
                        fieldMask[Int(id)] |= bit
                        hitAtoms.append(id)
                        hitCodes.append(code(field: field, position: position))
                    }
                    id = index.next(id)
                }
            }

            var hash = Lexicon.hashSeed
            for offset in 0..<count {
                hash = Lexicon.hash(hash, adding: bytes[start + offset])
                let length = offset + 1
                if length < isPrefixLength.count, isPrefixLength[length] {
                    record(lexicon.prefixIndex, hash: hash, length: length)
                }
            }
            record(lexicon.exactIndex, hash: hash, length: count)
        }
    }

    /// Whether `atom` occurs at `position` of the field with index `field`.
    func contains(_ atom: Int32, field: Int, position: Int) -> Bool {
        let target = Self.code(field: field, position: position)
        var low = Int(offsets[Int(atom)])
        var high = Int(offsets[Int(atom) + 1])
        while low < high {
            let mid = (low + high) / 2
            if postings[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < Int(offsets[Int(atom) + 1]) && postings[low] == target
    }

    /// The positions of `atom` in the field with index `field`, ascending.
    func positions(of atom: Int32, field: Int) -> [Int] {
        let range = Int(offsets[Int(atom)])..<Int(offsets[Int(atom) + 1])
        var result: [Int] = []
        for index in range where Int(postings[index] >> Self.positionBits) == field {
            result.append(Int(postings[index] & Self.positionMask))
        }
        return result
    }

    /// Start positions where `atoms` occur as consecutive words of the field.
    func sequenceStarts(_ atoms: ArraySlice<Int32>, field: Int) -> [Int] {
        let bit = TextFields.ordered[field].rawValue
        guard let head = atoms.first, atoms.allSatisfy({ fieldMask[Int($0)] & bit != 0 })
        else { return [] }
        return positions(of: head, field: field).filter { start in
            zip(atoms.dropFirst(), 1...).allSatisfy { atom, offset in
                contains(atom, field: field, position: start + offset)
            }
        }
    }
}

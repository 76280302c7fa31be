/// The hot path: one pass over each text field's UTF-8 that splits it into folded words
/// exactly like `WordScanner` (which folds query words) and looks every word up in the
/// `AtomTable`, recording which atoms occur in which field and at which word position.
///
/// Why a word index and not Aho–Corasick: terms match whole folded words (or word
/// prefixes), so the word boundaries an automaton would have to re-check are known
/// here for free, and a word costs one hash probe (plus one per prefix level) instead of
/// one automaton transition per byte in a table that, for 10,000 terms, no longer fits
/// in cache. `RulesBenchmark` measures both the whole engine and a literal-only run
/// against the pyahocorasick anchors; see docs/queries.md, "How matching works".
///
/// ASCII text is read 64 bytes at a time (`AsciiBlock`: the words of a block come
/// from bit masks, and are folded 8 bytes at a time); runs with non-ASCII bytes and
/// the last bytes of a field go through a byte loop (ASCII through a 256-entry table,
/// other scalars through `FoldTable`). A small table keeps only the current word
/// (folded into a reused buffer) and looks it up at once; a large one is looked up in
/// batches (`WordBatch`).
enum DocumentScanner {
    /// Per byte: 0 for an ASCII separator, 0xFF for a non-ASCII byte (slow path),
    /// otherwise the folded (lowercase) byte of an ASCII letter or digit.
    static let asciiFold: [UInt8] = (0..<256).map { value -> UInt8 in
        switch value {
        case 0x30...0x39, 0x61...0x7A: UInt8(value)
        case 0x41...0x5A: UInt8(value + 0x20)
        case 0x80...: 0xFF
        default: 0
        }
    }

    /// Position codes: field index in the top bits, word position below.
    static let positionBits: UInt32 = 28
    static let positionMask: UInt32 = (1 << positionBits) - 1

    @inline(__always)
    static func code(field: Int, position: Int) -> UInt32 {
        UInt32(field) << positionBits | UInt32(min(position, Int(positionMask)))
    }

    /// Scans the text fields of `document` selected by `fields` into `scratch`: sets
    /// `fieldMask` for every atom found, and fills `postings` grouped by atom (each
    /// atom's codes ascending). `spans`, if given, receives every word's field, position
    /// and UTF-8 byte range in the original text (for explanations and highlighting).
    static func scan(
        _ document: RuleDocument, fields: TextFields, table: AtomTable, into scratch: Scratch,
        spans: ((_ field: Int, _ position: Int, _ bytes: Range<Int>) -> Void)? = nil
    ) {
        guard table.atomCount > 0 || spans != nil else { return }
        var touched = scratch.touched
        var hitAtoms = scratch.hitAtoms
        var hitCodes = scratch.hitCodes
        var folded = scratch.folded
        var batch = scratch.batch
        let fieldMask = scratch.fieldMask
        let rangeEnd = scratch.rangeEnd
        asciiFold.withUnsafeBufferPointer { foldTable in
            let fold = foldTable.baseAddress!
            for (field, bit) in TextFields.ordered.enumerated() where fields.contains(bit) {
                var text: String
                switch field {
                case 0: text = document.title
                case 1: text = document.summary
                case 2: text = document.content
                default: text = document.author
                }
                if text.isEmpty { continue }
                text.withUTF8 { utf8 in
                    folded.reserve(utf8.count * FoldTable.growth + FoldTable.maximumFoldedBytes + 16)
                    // Two copies of the loop, each specialized for its mode.
                    if table.isLarge {
                        scanField(
                            utf8, field: field, bit: bit.rawValue, fold: fold, table: table,
                            folded: folded.base, capacity: folded.capacity, mode: Batched.self,
                            batch: &batch, fieldMask: fieldMask, rangeEnd: rangeEnd,
                            touched: &touched, hitAtoms: &hitAtoms, hitCodes: &hitCodes, spans: spans)
                    } else {
                        scanField(
                            utf8, field: field, bit: bit.rawValue, fold: fold, table: table,
                            folded: folded.base, capacity: folded.capacity, mode: WordByWord.self,
                            batch: &batch, fieldMask: fieldMask, rangeEnd: rangeEnd,
                            touched: &touched, hitAtoms: &hitAtoms, hitCodes: &hitCodes, spans: spans)
                    }
                }
            }
        }
        // Group the hits by atom (counting sort over the touched atoms only); each
        // atom's codes stay in scan order, which is ascending.
        let rangeStart = scratch.rangeStart
        var running: Int32 = 0
        for index in 0..<touched.count {
            let atom = Int(touched[index])
            rangeStart[atom] = running
            running += rangeEnd[atom]
            rangeEnd[atom] = rangeStart[atom]
        }
        var postings = scratch.postings
        postings.reserve(hitAtoms.count)
        postings.count = hitAtoms.count
        for index in 0..<hitAtoms.count {
            let atom = Int(hitAtoms[index])
            postings[Int(rangeEnd[atom])] = hitCodes[index]
            rangeEnd[atom] += 1
        }
        scratch.touched = touched
        scratch.hitAtoms = hitAtoms
        scratch.hitCodes = hitCodes
        scratch.folded = folded
        scratch.batch = batch
        scratch.postings = postings
    }

    /// How the scanner looks words up: in batches (large tables) or one by one.
    private protocol LookupMode { static var batched: Bool { get } }
    private enum Batched: LookupMode { static var batched: Bool { true } }
    private enum WordByWord: LookupMode { static var batched: Bool { false } }

    @inline(__always)
    private static func scanField<Mode: LookupMode>(
        _ utf8: UnsafeBufferPointer<UInt8>, field: Int, bit: UInt8, fold: UnsafePointer<UInt8>,
        table: AtomTable, folded out: UnsafeMutablePointer<UInt8>, capacity: Int,
        mode: Mode.Type, batch: inout WordBatch,
        fieldMask: UnsafeMutablePointer<UInt8>, rangeEnd: UnsafeMutablePointer<Int32>,
        touched: inout RawBuffer<Int32>, hitAtoms: inout RawBuffer<Int32>,
        hitCodes: inout RawBuffer<UInt32>,
        spans: ((_ field: Int, _ position: Int, _ bytes: Range<Int>) -> Void)?
    ) {
        guard let base = utf8.baseAddress else { return }
        let count = utf8.count
        let outBuffer = UnsafeMutableBufferPointer(start: out, count: capacity)
        let foldTable = FoldTable.shared
        var i = 0
        var position = 0
        var inWord = false
        // Folded bytes: the current word's are `out[wordBase..<written]`. Batched, the
        // field's words are folded one after another, so that the batch keeps their
        // bytes until it is looked up; otherwise every word starts at 0.
        var written = 0
        var wordBase = 0
        var upperRun = true
        var upperPrefix = 0
        var wordStart = 0
        let batched = Mode.batched

        @inline(__always)
        func startWord() {
            if batched { wordBase = written } else { written = 0 }
        }

        @inline(__always)
        func finishWord(end: Int) {
            guard written > wordBase else { return }
            let code = Self.code(field: field, position: position)
            if batched {
                if batch.add(start: wordBase, count: written - wordBase, upperPrefix: upperPrefix, code: code) {
                    check(&batch, folded: out, bit: bit, table: table, fieldMask: fieldMask,
                          rangeEnd: rangeEnd, touched: &touched, hitAtoms: &hitAtoms, hitCodes: &hitCodes)
                }
            } else {
                let first = table.firstAtom(key: AtomTable.exactKey(out, count: written))
                record(out, count: written, first: first, upperPrefix: upperPrefix, code: code,
                       bit: bit, table: table, fieldMask: fieldMask, rangeEnd: rangeEnd,
                       touched: &touched, hitAtoms: &hitAtoms, hitCodes: &hitCodes)
            }
            spans?(field, position, wordStart..<end)
            position += 1
        }

        /// The scalar loop over `start..<end`, which begins and ends outside a word:
        /// any text, one byte or scalar at a time.
        @inline(__always)
        func scanSlowly(_ start: Int, _ end: Int) {
            i = start
            while i < end {
                let byte = base[i]
                let f = fold[Int(byte)]
                if f == 0 {
                    if inWord {
                        finishWord(end: i)
                        inWord = false
                    }
                    i += 1
                } else if f != 0xFF {
                    if !inWord {
                        inWord = true
                        startWord()
                        upperRun = true
                        upperPrefix = 0
                        wordStart = i
                    }
                    out[written] = f
                    written += 1
                    if byte &- 0x61 < 26 {
                        upperRun = false
                    } else if upperRun {
                        upperPrefix = written - wordBase
                    }
                    i += 1
                } else {
                    // Non-ASCII: decode one scalar (the text is valid UTF-8) and fold it.
                    let scalar: UInt32
                    let size: Int
                    if byte < 0xE0 {
                        scalar = UInt32(byte & 0x1F) << 6 | UInt32(base[i + 1] & 0x3F)
                        size = 2
                    } else if byte < 0xF0 {
                        scalar = UInt32(byte & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6
                            | UInt32(base[i + 2] & 0x3F)
                        size = 3
                    } else {
                        scalar = UInt32(byte & 0x07) << 18 | UInt32(base[i + 1] & 0x3F) << 12
                            | UInt32(base[i + 2] & 0x3F) << 6 | UInt32(base[i + 3] & 0x3F)
                        size = 4
                    }
                    if !inWord { startWord() }
                    let before = written
                    switch foldTable.fold(scalar, into: outBuffer, at: &written) {
                    case .standalone:
                        // A word of its own: end the current one before it, then it.
                        let after = written
                        if inWord {
                            written = before
                            finishWord(end: i)
                            inWord = false
                            written = after
                            if batched {
                                wordBase = before
                            } else {
                                for k in 0..<(after - before) { out[k] = out[before + k] }
                                written = after - before
                            }
                        }
                        upperPrefix = 0
                        wordStart = i
                        finishWord(end: i + size)
                    case .separator:
                        if inWord {
                            finishWord(end: i)
                            inWord = false
                        }
                    case .word(let lower, _):
                        if !inWord {
                            inWord = true
                            upperRun = true
                            upperPrefix = 0
                            wordStart = i
                        }
                        if lower {
                            upperRun = false
                        } else if upperRun {
                            upperPrefix = written - wordBase
                        }
                    }
                    i += size
                }
            }
            if inWord {
                finishWord(end: end)
                inWord = false
            }
        }

        /// The word `start..<start + length`, all ASCII letters and digits, folded 8
        /// bytes at a time (`| 0x20` lowercases a letter and keeps a digit).
        @inline(__always)
        func asciiWord(_ start: Int, _ length: Int, upper: Int) {
            startWord()
            let from = UnsafeRawPointer(base + start), to = UnsafeMutableRawPointer(out + written)
            if start + length + 8 <= count {
                var k = 0
                repeat {
                    let chunk = from.loadUnaligned(fromByteOffset: k, as: UInt64.self) | 0x2020_2020_2020_2020
                    to.storeBytes(of: chunk, toByteOffset: k, as: UInt64.self)
                    k += 8
                } while k < length
            } else {
                for k in 0..<length { out[written + k] = base[start + k] | 0x20 }
            }
            written += length
            upperPrefix = upper
            wordStart = start
            finishWord(end: start + length)
        }

        // 64 bytes at a time: masks of the word bytes, non-ASCII bytes and lowercase
        // letters (`AsciiBlock`) give the words without a branch per byte; a run of
        // word bytes that holds a non-ASCII byte goes through the scalar loop. `p`
        // always starts outside a word.
        var p = 0
        while p + 64 <= count {
            let block = AsciiBlock(base + p)
            var runs = block.runs
            var next = p + 64
            while runs != 0 {
                let offset = runs.trailingZeroBitCount
                let length = (~(runs >> UInt64(offset))).trailingZeroBitCount
                if offset + length == 64 {
                    // The run may go on in the next block: start that one here.
                    if offset > 0 {
                        next = p + offset
                    } else {
                        // A run of 64 bytes or more: the scalar loop takes all of it.
                        var end = p + 64
                        while end < count, base[end] >= 0x80 || fold[Int(base[end])] != 0 { end += 1 }
                        scanSlowly(p, end)
                        next = end
                    }
                    break
                }
                let bits = (UInt64(1) << UInt64(length)) &- 1
                if (block.nonASCII >> UInt64(offset)) & bits != 0 {
                    scanSlowly(p + offset, p + offset + length)
                } else {
                    let upper = min(length, (block.lowercase >> UInt64(offset)).trailingZeroBitCount)
                    asciiWord(p + offset, length, upper: upper)
                }
                runs &= UInt64.max << UInt64(offset + length)
            }
            p = next
        }
        scanSlowly(p, count)
        if batched && batch.count > 0 {
            check(&batch, folded: out, bit: bit, table: table, fieldMask: fieldMask,
                  rangeEnd: rangeEnd, touched: &touched, hitAtoms: &hitAtoms, hitCodes: &hitCodes)
        }
    }
}

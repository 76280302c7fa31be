/// Looking the scanned words up in the atom table and recording the hits.
extension DocumentScanner {
    /// Looks the words of `batch` up in `table` in stages (see `WordBatch`), records the
    /// atoms found, and empties the batch.
    @inline(never)
    static func check(
        _ batch: inout WordBatch, folded out: UnsafeMutablePointer<UInt8>, bit: UInt8, table: AtomTable,
        fieldMask: UnsafeMutablePointer<UInt8>, rangeEnd: UnsafeMutablePointer<Int32>,
        touched: inout RawBuffer<Int32>, hitAtoms: inout RawBuffer<Int32>,
        hitCodes: inout RawBuffer<UInt32>
    ) {
        let words = batch.words, count = batch.count
        for index in 0..<count {
            let key = AtomTable.exactKey(out + Int(words[index].start), count: Int(words[index].count))
            words[index].key = key
            table.prefetch(key: key)
        }
        for index in 0..<count { words[index].first = table.firstAtom(key: words[index].key) }
        for index in 0..<count {
            let word = words[index]
            record(out + Int(word.start), count: Int(word.count), first: word.first,
                   upperPrefix: Int(word.upperPrefix), code: word.code, bit: bit, table: table,
                   fieldMask: fieldMask, rangeEnd: rangeEnd, touched: &touched, hitAtoms: &hitAtoms,
                   hitCodes: &hitCodes)
        }
        batch.removeAll()
    }

    /// Looks one folded word up in `table` and records the atoms found.
    @inline(__always)
    static func record(
        _ word: UnsafePointer<UInt8>, count: Int, first: Int32, upperPrefix: Int, code: UInt32,
        bit: UInt8, table: AtomTable,
        fieldMask: UnsafeMutablePointer<UInt8>, rangeEnd: UnsafeMutablePointer<Int32>,
        touched: inout RawBuffer<Int32>, hitAtoms: inout RawBuffer<Int32>,
        hitCodes: inout RawBuffer<UInt32>
    ) {
        table.lookUp(word, count: count, first: first, upperPrefix: upperPrefix) { atom in
            let a = Int(atom)
            if fieldMask[a] == 0 {
                touched.append(atom)
                rangeEnd[a] = 0
            }
            fieldMask[a] |= bit
            rangeEnd[a] += 1
            hitAtoms.append(atom)
            hitCodes.append(code)
        }
    }
}

/// Words read by the document scanner but not yet looked up, for large atom tables.
///
/// With 10,000 rules the atom table outgrows the L2 cache, and a word looked up as soon
/// as it was read waited for two or three cache misses in a row (filter, slot, atom
/// record). The scanner collects `capacity` words here and looks them up in stages:
/// every word's hash and a prefetch of its filter word and slot, then every slot and
/// a prefetch of the atom's record, then the checks; the misses of many words
/// overlap. A table that fits in the cache is looked up word by word, which costs
/// fewer instructions (`AtomTable.isLarge` decides).
struct WordBatch {
    struct Word {
        /// Where the folded word starts in the scanner's buffer, and its length.
        var start: Int32
        var count: Int32
        var upperPrefix: Int32
        var code: UInt32
        var key: UInt64 = 0
        var first: Int32 = -1
    }

    static let capacity = 32

    let words = UnsafeMutablePointer<Word>.allocate(capacity: capacity)
    private(set) var count = 0

    /// Adds a word; returns whether the batch is now full.
    @inline(__always)
    mutating func add(start: Int, count length: Int, upperPrefix: Int, code: UInt32) -> Bool {
        words[count] = Word(start: Int32(start), count: Int32(length), upperPrefix: Int32(upperPrefix), code: code)
        count += 1
        return count == Self.capacity
    }

    mutating func removeAll() { count = 0 }

    func free() { words.deallocate() }
}

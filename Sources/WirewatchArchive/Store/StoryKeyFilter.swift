import Synchronization

/// A Bloom filter over the story keys of one key table, kept in memory by the
/// writer: most keys of a new item belong to no earlier item, and probing the
/// tables for each of them was most of a story lookup (43 index probes per
/// table). The filter answers "certainly absent" for nearly all of them, so the
/// tables are only probed for the few keys that may be there. There is one per
/// table (`StoryKeyIndex.filters`), so a key is also looked for only in the
/// tables that may hold it.
///
/// It is blocked: the 5 bits of a key lie in one 64-byte block (one cache line),
/// so a probe is one cache miss where 4 independent bits were 4. At 16 bits per
/// key it answers ~0.17 % false positives when full (sized 1.25 × the keys it
/// was rebuilt for: ~0.07 %; 0.4 % at 1.25 × full, see `isOverfull`). Measured
/// at 300,000 items, the single filter before it (4 bits anywhere, 8 bits per
/// key) let 1 key of 44 through at the median, each an index probe into three
/// tables that missed the page cache (12 µs of a 34 µs story lookup).
/// About 90–110 bytes per item whose keys are in the tables.
///
/// It would grow with the window (30 days of a 10,000-feed archive is millions
/// of items, 40+ keys each), so its size is capped (`maximumBytes`, 8 MiB per
/// table): past 4 million keys it stops growing and its false positives rise
/// instead (2.3 % at twice that), which costs a few more index probes per
/// item, never a wrong answer. The daemon's memory stays bounded however large
/// the archive.
final class StoryKeyFilter: Sendable {
    private struct State {
        var bits: [UInt64]
        var capacity: Int
        var count: Int
        /// Filled from the tables (see `StoryKeyTables.loadedFilters`).
        var loaded = false
    }

    private let state: Mutex<State>
    static let bitsPerKey = 16
    /// Bits set per key, all in one block of `blockWords` words.
    private static let bitsPerKeySet = 5
    private static let blockWords = 8
    /// Per filter; the writer keeps one per key table.
    static let maximumBytes = 8 << 20
    /// The most keys it is sized for: `maximumBytes` at `bitsPerKey`.
    let maximumCapacity: Int

    init(capacity: Int = 1 << 16, maximumBytes: Int = StoryKeyFilter.maximumBytes) {
        maximumCapacity = max(64, maximumBytes * 8 / Self.bitsPerKey)
        state = Mutex(Self.empty(capacity: min(capacity, maximumCapacity)))
    }

    private static func words(capacity: Int) -> Int {
        let words = (capacity * Self.bitsPerKey + 63) / 64
        return max(1, (words + blockWords - 1) / blockWords) * blockWords
    }

    private static func empty(capacity: Int) -> State {
        State(bits: [UInt64](repeating: 0, count: words(capacity: capacity)), capacity: capacity, count: 0)
    }

    /// The bytes of its bit array.
    var byteCount: Int { state.withLock { $0.bits.count * 8 } }

    /// Keys added since it was last emptied (with repeats).
    var keyCount: Int { state.withLock { $0.count } }

    /// The first word of the key's block, and the five bits' positions in the
    /// block (9 bits each of a second mix).
    @inline(__always)
    private static func block(_ key: Int64, words: Int) -> (first: Int, bits: UInt64) {
        var x = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        let blocks = UInt64(words / blockWords)
        let first = Int(x.multipliedFullWidth(by: blocks).high) * blockWords
        var y = x &* 0xBF58_476D_1CE4_E5B9
        y ^= y >> 31
        return (first, y)
    }

    func mayContain(_ key: Int64) -> Bool {
        state.withLock { Self.mayContain(key, $0.bits) }
    }

    /// The keys that may be in the table, in order: one lock for an item's ~37 keys.
    func mayContain(_ keys: [Int64]) -> [Int64] {
        state.withLock { state in keys.filter { Self.mayContain($0, state.bits) } }
    }

    @inline(__always)
    private static func mayContain(_ key: Int64, _ bits: [UInt64]) -> Bool {
        let (first, hash) = block(key, words: bits.count)
        var h = hash
        for _ in 0..<bitsPerKeySet {
            let bit = Int(h & 511)
            if bits[first + bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
            h >>= 9
        }
        return true
    }

    /// Adds keys; returns false when the filter is over capacity and should be rebuilt.
    @discardableResult
    func insert(_ keys: [Int64]) -> Bool {
        state.withLock { state in
            let words = state.bits.count
            state.bits.withUnsafeMutableBufferPointer { bits in
                for key in keys {
                    let (first, hash) = Self.block(key, words: words)
                    var h = hash
                    for _ in 0..<Self.bitsPerKeySet {
                        let bit = Int(h & 511)
                        bits[first + bit >> 6] |= 1 << UInt64(bit & 63)
                        h >>= 9
                    }
                }
            }
            state.count += keys.count
            return state.count <= state.capacity
        }
    }

    /// A quarter more keys than it was sized for: rebuild it bigger. The quarter
    /// is for a filter saved nearly full: the next run took it back and, after a
    /// few thousand items, rebuilt it from every key in the tables (1.3 s of CPU
    /// at 10 million keys, a sixth of a mostly-304 cycle at 10,000 feeds); at
    /// 1.25 × its size it answers with ~0.4 % false positives instead of 0.17 %,
    /// a few more index probes. Never true at the maximum size: a rebuild could
    /// not make it bigger (the window's rotation empties it with its table).
    var isOverfull: Bool {
        state.withLock { $0.count > $0.capacity + $0.capacity / 4 && $0.capacity < maximumCapacity }
    }

    /// Whether it was filled from the tables since the archive opened.
    var isLoaded: Bool { state.withLock { $0.loaded } }

    /// Calls `body` with its bits as little-endian bytes, its capacity and key
    /// count (to save it), without copying them where the machine is little-endian.
    func withSavedBytes(_ body: (UnsafeRawBufferPointer, _ capacity: Int, _ count: Int) throws -> Void) throws {
        try state.withLock { state in
            if UInt64(1).littleEndian == 1 {
                try state.bits.withUnsafeBytes { try body($0, state.capacity, state.count) }
            } else {
                try state.bits.map(\.littleEndian).withUnsafeBytes { try body($0, state.capacity, state.count) }
            }
        }
    }

    /// Takes saved bits: `fill` writes them into the new bit array (the bytes
    /// `withSavedBytes` gave) and says whether it could. False, and the filter
    /// unloaded, when they do not fit its capacity or `fill` fails: the caller
    /// rebuilds. The caller adds the keys not yet in them.
    func restore(capacity: Int, count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Bool) rethrows -> Bool {
        guard capacity > 0, capacity <= maximumCapacity, count >= 0 else { return false }
        // The old bits go first: both at once would be the peak.
        state.withLock { $0 = Self.empty(capacity: 1) }
        var bits = [UInt64](repeating: 0, count: Self.words(capacity: capacity))
        guard try bits.withUnsafeMutableBytes(fill) else { return false }
        if UInt64(1).littleEndian != 1 { bits = bits.map(UInt64.init(littleEndian:)) }
        let restored = State(bits: bits, capacity: capacity, count: count, loaded: true)
        state.withLock { $0 = restored }
        return true
    }

    /// Starts over, sized for `keyCount` keys with room to grow; the caller fills it.
    func reset(expecting keyCount: Int) {
        let capacity = min(maximumCapacity, max(1 << 16, keyCount + keyCount / 4))
        state.withLock {
            // Free the old bits before allocating the new ones: both at once were
            // the daemon's peak (a step in RSS at every rebuild).
            $0.bits = []
            $0 = Self.empty(capacity: capacity)
            $0.loaded = true
        }
    }

    /// Forgets it was loaded (the other filter could not be restored: both are rebuilt).
    func unload() {
        state.withLock { $0 = Self.empty(capacity: 1) }
    }
}

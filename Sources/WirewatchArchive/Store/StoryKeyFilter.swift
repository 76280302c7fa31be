import Synchronization

/// A Bloom filter over the story keys in the key tables, kept in memory by the
/// writer: most keys of a new item belong to no earlier item, and probing the
/// tables for each of them was most of a story lookup (43 index probes per
/// table). The filter answers "certainly absent" for nearly all of them, so the
/// tables are only probed for the few keys that may be there.
///
/// It is a cache of the persisted tables: rebuilt from them when the archive
/// opens and whenever it fills up, sized 1.5 × the keys at 8 bits each: 12
/// bits per key after a rebuild (0.6% false positives), 6.4 when it is
/// rebuilt at 1.25 × full (4.7%, see `isOverfull`),
/// about 50–70 bytes per item in the window. Measured at 150,000 items, 2 × 10
/// bits took 10–12 MB more for a story lookup 9 µs faster (p50 57 against 66
/// µs), the same stories and the same ingest CPU within noise.
///
/// It would grow with the window (30 days of a 10,000-feed archive is millions
/// of items, 40+ keys each), so its size is capped (`maximumBytes`, 16 MiB):
/// past 16 million keys it stops growing and its false positives rise instead
/// (14% at twice that), which costs a few more index probes per item, never a
/// wrong answer. The daemon's memory stays bounded however large the archive.
final class StoryKeyFilter: Sendable {
    private struct State {
        var bits: [UInt64]
        var capacity: Int
        var count: Int
        /// Filled from the tables (see `StoryKeyTables.loadedFilter`).
        var loaded = false
    }

    private let state: Mutex<State>
    private static let bitsPerKey = 8
    static let maximumBytes = 16 << 20
    /// The most keys it is sized for: `maximumBytes` at `bitsPerKey`.
    let maximumCapacity: Int

    init(capacity: Int = 1 << 16, maximumBytes: Int = StoryKeyFilter.maximumBytes) {
        maximumCapacity = max(64, maximumBytes * 8 / Self.bitsPerKey)
        state = Mutex(Self.empty(capacity: min(capacity, maximumCapacity)))
    }

    private static func empty(capacity: Int) -> State {
        let words = max(1, (capacity * Self.bitsPerKey + 63) / 64)
        return State(bits: [UInt64](repeating: 0, count: words), capacity: capacity, count: 0)
    }

    /// The bytes of its bit array.
    var byteCount: Int { state.withLock { $0.bits.count * 8 } }

    /// Four probe positions from one 64-bit key (Kirsch–Mitzenmacher double hashing).
    private static func positions(_ key: Int64, bitCount: Int) -> (Int, Int, Int, Int) {
        var x = UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 29
        let h1 = x, h2 = (x >> 32) | 1
        let n = UInt64(bitCount)
        return (Int(h1 % n), Int((h1 &+ h2) % n), Int((h1 &+ 2 &* h2) % n), Int((h1 &+ 3 &* h2) % n))
    }

    func mayContain(_ key: Int64) -> Bool {
        state.withLock { Self.mayContain(key, $0.bits) }
    }

    /// The keys that may be in the tables, in order: one lock for an item's ~45 keys.
    func mayContain(_ keys: [Int64]) -> [Int64] {
        state.withLock { state in keys.filter { Self.mayContain($0, state.bits) } }
    }

    private static func mayContain(_ key: Int64, _ bits: [UInt64]) -> Bool {
        let (a, b, c, d) = positions(key, bitCount: bits.count * 64)
        return bits.test(a) && bits.test(b) && bits.test(c) && bits.test(d)
    }

    /// Adds keys; returns false when the filter is over capacity and should be rebuilt.
    @discardableResult
    func insert(_ keys: [Int64]) -> Bool {
        state.withLock { state in
            let bitCount = state.bits.count * 64
            for key in keys {
                let (a, b, c, d) = Self.positions(key, bitCount: bitCount)
                state.bits.set(a); state.bits.set(b); state.bits.set(c); state.bits.set(d)
            }
            state.count += keys.count
            return state.count <= state.capacity
        }
    }

    /// A quarter more keys than it was sized for: rebuild it bigger. The quarter
    /// is for a filter saved nearly full: the next run took it back and, after a
    /// few thousand items, rebuilt it from every key in the tables (1.3 s of CPU
    /// at 10 million keys, a sixth of a mostly-304 cycle at 10,000 feeds); at
    /// 1.25 × its size it answers with ~4.7 % false positives instead of 2.4 %,
    /// a few more index probes. Never true at the maximum size: a rebuild could
    /// not make it bigger (the window's rotation rebuilds it without the expired keys).
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
        let words = max(1, (capacity * Self.bitsPerKey + 63) / 64)
        // The old bits go first: both at once would be the peak.
        state.withLock { $0 = Self.empty(capacity: 1) }
        var bits = [UInt64](repeating: 0, count: words)
        guard try bits.withUnsafeMutableBytes(fill) else { return false }
        if UInt64(1).littleEndian != 1 { bits = bits.map(UInt64.init(littleEndian:)) }
        let restored = State(bits: bits, capacity: capacity, count: count, loaded: true)
        state.withLock { $0 = restored }
        return true
    }

    /// Starts over, sized for `keyCount` keys with room to grow; the caller fills it.
    func reset(expecting keyCount: Int) {
        let capacity = min(maximumCapacity, max(1 << 16, keyCount * 3 / 2))
        state.withLock {
            // Free the old bits before allocating the new ones: both at once were
            // the daemon's peak (a step in RSS at every rebuild).
            $0.bits = []
            $0 = Self.empty(capacity: capacity)
            $0.loaded = true
        }
    }
}

private extension Array where Element == UInt64 {
    func test(_ bit: Int) -> Bool { self[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
    mutating func set(_ bit: Int) { self[bit >> 6] |= 1 << UInt64(bit & 63) }
}

/// Open-addressing hash table from a folded word's FNV-1a hash to the atoms with that
/// hash. The hash is already well mixed and computed while scanning, so this avoids
/// `Dictionary`'s re-hashing (SipHash) on every word of every document. Atoms sharing
/// a hash (the same word with and without the acronym rule, or a rare collision) are
/// chained; callers verify the bytes.
struct AtomIndex: Sendable {
    private var keys: [UInt64] = []
    /// Slot → first atom of the chain, or -1 for an empty slot.
    private var heads: [Int32] = []
    /// Atom id → next atom in its chain, or -1.
    private var chain: [Int32] = []
    private var occupied = 0

    /// The first atom whose hash is `hash`, or -1.
    @inline(__always)
    func first(_ hash: UInt64) -> Int32 {
        guard !heads.isEmpty else { return -1 }
        let mask = heads.count - 1
        var slot = Self.slot(hash, mask)
        while true {
            let head = heads[slot]
            if head < 0 || keys[slot] == hash { return head }
            slot = (slot + 1) & mask
        }
    }

    /// The next atom with the same hash as `atom`, or -1.
    @inline(__always)
    func next(_ atom: Int32) -> Int32 {
        chain[Int(atom)]
    }

    mutating func insert(_ atom: Int32, hash: UInt64) {
        if chain.count <= Int(atom) {
            chain.append(contentsOf: repeatElement(-1, count: Int(atom) + 1 - chain.count))
        }
        if (occupied + 1) * 2 > heads.count { grow() }
        let mask = heads.count - 1
        var slot = Self.slot(hash, mask)
        while heads[slot] >= 0 && keys[slot] != hash { slot = (slot + 1) & mask }
        if heads[slot] < 0 {
            occupied += 1
            keys[slot] = hash
        } else {
            chain[Int(atom)] = heads[slot]
        }
        heads[slot] = atom
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldHeads = heads
        let capacity = max(16, heads.count * 2)
        keys = [UInt64](repeating: 0, count: capacity)
        heads = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (key, head) in zip(oldKeys, oldHeads) where head >= 0 {
            var slot = Self.slot(key, mask)
            while heads[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            heads[slot] = head
        }
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }
}

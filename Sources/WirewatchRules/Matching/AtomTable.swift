/// The lookup structure the document scanner probes once per word: an open-addressing
/// hash table from folded words to the atoms spelled that way, built once per rule set
/// (or query) and immutable afterwards.
///
/// Exact atoms are keyed by the hash of the whole folded word. Prefix atoms are keyed by
/// the hash of their first `level(n)` bytes, where the levels form a short ladder
/// (1, 2, 3, 4, 6, 8, 12, …): a word probes once per level that some prefix atom uses,
/// not once per distinct prefix length, and then verifies each candidate's bytes.
///
/// Slots are 8 bytes (32-bit hash tag, chain head) so that 20,000 atoms take 512 KB;
/// everything lives in manually allocated memory so the hot loop reads raw pointers
/// without array bounds, retain or exclusivity checks. The class is immutable after
/// `init`, hence `@unchecked Sendable`.
final class AtomTable: @unchecked Sendable {
    let atomCount: Int
    let slotMask: Int
    /// `UInt64(tag) << 32 | UInt64(head + 1)`; 0 is an empty slot.
    let slots: UnsafeMutablePointer<UInt64>
    /// Atom → next atom with the same key, or -1.
    let next: UnsafeMutablePointer<Int32>
    /// What a probe reads about an atom, packed in one 40-byte record so that checking a
    /// candidate mostly costs one cache line: its first 16 bytes, length, flags, chain
    /// link, and for an exact atom the first prefix atom its spelling starts with and
    /// where the list of the others begins. Only words longer than 16 bytes or with
    /// several prefix atoms read further.
    struct Info {
        var head: UInt64
        /// Bytes 8..<16 (zero-padded).
        var tail: UInt64
        /// The first entry of the atom's prefix list (see `prefixesOf`), or `UInt64.max`.
        var firstPrefix: UInt64
        var start: Int32
        var next: Int32
        /// Index in `prefixesOf` of the further prefix atoms this exact atom's spelling
        /// starts with, or -1 if none.
        var prefixes: Int32
        /// `length << 2 | flags`.
        var lengthFlags: UInt32

        var length: Int { Int(lengthFlags >> 2) }
        var flags: UInt32 { lengthFlags & 3 }
    }
    let info: UnsafeMutablePointer<Info>
    /// Lists of prefix atoms, each ended by `UInt64.max`: per entry
    /// `atom << 32 | length << 1 | caseSensitive`. A word spelled like an exact atom
    /// takes its prefix hits from that atom's list instead of probing the table once per
    /// prefix level: in a large rule set most words of a text are some rule's word, and
    /// those probes were as many as the exact ones, each a chain of cache misses.
    let prefixesOf: UnsafeMutablePointer<UInt64>
    let starts: UnsafeMutablePointer<Int32>
    /// Bit 0: case-sensitive (acronym rule); bit 1: prefix.
    let flags: UnsafeMutablePointer<UInt8>
    /// All atoms' folded bytes, followed by 8 bytes of padding for unaligned loads.
    let bytes: UnsafeMutablePointer<UInt8>
    /// Ladder levels used by some prefix atom, ascending.
    let levels: UnsafeMutablePointer<Int>
    let levelCount: Int
    /// Per level up to 8 bytes: a filter of the prefix atoms' first `level` bytes,
    /// indexed by a one-multiply hash of the raw bytes, so a word pays the full hash and
    /// the slot probe only for levels where some prefix atom may start like it.
    /// Level `i` uses 2^levelShift[i] bits from `levelFilters + levelOffset[i]`.
    let levelFilters: UnsafeMutablePointer<UInt64>
    let levelOffset: UnsafeMutablePointer<Int>
    let levelBits: UnsafeMutablePointer<Int>
    let slotCount: Int
    /// A filter (16 bits per prefix atom, at most 2^16) of the first `prefixKeyLength`
    /// bytes of every prefix atom: words starting with none skip the prefix probes.
    let prefixFilter: UnsafeMutablePointer<UInt64>
    let prefixFilterMask: Int
    let prefixKeyLength: Int
    /// A filter (16 bits per atom, at most 2^20 = 128 KB) of every key in the table:
    /// most words of a text are no atom, and the filter answers them from cache
    /// without touching the slots.
    let keyFilter: UnsafeMutablePointer<UInt64>
    let keyFilterMask: Int

    /// A power-of-two bit count: 16 bits per entry, between 64 and `maximum`.
    static func filterBits(_ entries: Int, maximum: Int) -> Int {
        var bits = 64
        while bits < entries * 16 && bits < maximum { bits *= 2 }
        return bits
    }

    static let exactSeed: UInt64 = 0x243F_6A88_85A3_08D3
    static let prefixSeed: UInt64 = 0x1319_8A2E_0370_7344

    init(_ atoms: [Atom]) {
        atomCount = atoms.count
        var capacity = 16
        while capacity < atoms.count * 2 { capacity *= 2 }
        slotCount = capacity
        slotMask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        let count = max(1, atoms.count)
        next = .allocate(capacity: count)
        next.initialize(repeating: -1, count: count)
        starts = .allocate(capacity: count)
        flags = .allocate(capacity: count)
        let total = atoms.reduce(0) { $0 + $1.folded.count }
        bytes = .allocate(capacity: total + 8)
        bytes.initialize(repeating: 0, count: total + 8)
        var usedLevels = Set<Int>()
        var offset = 0
        for (id, atom) in atoms.enumerated() {
            starts[id] = Int32(offset)
            flags[id] = (atom.caseSensitive ? 1 : 0) | (atom.isPrefix ? 2 : 0)
            for byte in atom.folded {
                bytes[offset] = byte
                offset += 1
            }
        }
        var keys: [UInt64] = []
        for id in atoms.indices {
            let atom = atoms[id]
            let pointer = UnsafePointer(bytes + Int(starts[id]))
            let key: UInt64
            if atom.isPrefix {
                let level = Self.level(atom.folded.count)
                usedLevels.insert(level)
                key = Self.hash(pointer, level, Self.prefixSeed)
            } else {
                key = Self.hash(pointer, atom.folded.count, Self.exactSeed)
            }
            keys.append(key)
        }
        let keyBits = Self.filterBits(atoms.count, maximum: 1 << 20)
        keyFilterMask = keyBits - 1
        keyFilter = .allocate(capacity: keyBits / 64)
        keyFilter.initialize(repeating: 0, count: keyBits / 64)
        for key in keys {
            let bit = Int(truncatingIfNeeded: key >> 40) & (keyBits - 1)
            keyFilter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        let prefixAtoms = atoms.indices.filter { atoms[$0].isPrefix }
        let keyLength = min(4, prefixAtoms.map { atoms[$0].folded.count }.min() ?? 4)
        prefixKeyLength = keyLength
        let prefixBits = Self.filterBits(prefixAtoms.count, maximum: 1 << 16)
        prefixFilterMask = prefixBits - 1
        prefixFilter = .allocate(capacity: prefixBits / 64)
        prefixFilter.initialize(repeating: 0, count: prefixBits / 64)
        for id in prefixAtoms {
            let bit = Self.prefixBit(UnsafePointer(bytes + Int(starts[id])), keyLength) & (prefixBits - 1)
            prefixFilter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        let sorted = usedLevels.sorted()
        levelCount = sorted.count
        levels = .allocate(capacity: max(1, sorted.count))
        for (index, level) in sorted.enumerated() { levels[index] = level }
        levelOffset = .allocate(capacity: max(1, sorted.count))
        levelBits = .allocate(capacity: max(1, sorted.count))
        var totalWords = 0
        for (index, level) in sorted.enumerated() {
            let count = prefixAtoms.filter { Self.level(atoms[$0].folded.count) == level }.count
            let bits = Self.filterBits(count, maximum: 1 << 16)
            levelOffset[index] = totalWords
            levelBits[index] = bits.trailingZeroBitCount
            totalWords += bits / 64
        }
        levelFilters = .allocate(capacity: max(1, totalWords))
        levelFilters.initialize(repeating: 0, count: max(1, totalWords))
        for (index, level) in sorted.enumerated() where level <= 8 {
            for id in prefixAtoms where Self.level(atoms[id].folded.count) == level {
                let bit = Self.levelBit(UnsafePointer(bytes + Int(starts[id])), level, levelBits[index])
                levelFilters[levelOffset[index] + bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        // For every exact atom, the prefix atoms its spelling starts with (what the
        // prefix probes would find for a word spelled that way, whatever its case).
        var prefixBySpelling: [ArraySlice<UInt8>: [Int32]] = [:]
        for id in prefixAtoms { prefixBySpelling[atoms[id].folded[...], default: []].append(Int32(id)) }
        let prefixLengths = Set(prefixAtoms.map { atoms[$0].folded.count }).sorted()
        var lists: [UInt64] = []
        var listStart = [Int32](repeating: -1, count: count)
        var firstPrefix = [UInt64](repeating: UInt64.max, count: count)
        for id in atoms.indices where !atoms[id].isPrefix {
            let folded = atoms[id].folded
            let before = lists.count
            for length in prefixLengths where length <= folded.count {
                for prefix in prefixBySpelling[folded[..<length]] ?? [] {
                    lists.append(
                        UInt64(prefix) << 32 | UInt64(length) << 1 | (atoms[Int(prefix)].caseSensitive ? 1 : 0))
                }
            }
            if lists.count > before {
                firstPrefix[id] = lists[before]
                lists.remove(at: before)
                if lists.count > before {
                    listStart[id] = Int32(before)
                    lists.append(UInt64.max)
                }
            }
        }
        prefixesOf = .allocate(capacity: max(1, lists.count))
        prefixesOf.initialize(repeating: UInt64.max, count: max(1, lists.count))
        for (index, entry) in lists.enumerated() { prefixesOf[index] = entry }
        info = .allocate(capacity: count)
        // Insert in reverse so that chains list atoms in id order.
        for id in atoms.indices.reversed() { insert(Int32(id), key: keys[id]) }
        for id in atoms.indices {
            let length = atoms[id].folded.count
            precondition(length < 1 << 30, "word too long")
            let atomBytes = UnsafeRawPointer(bytes + Int(starts[id]))
            let raw = UInt64(littleEndian: atomBytes.loadUnaligned(as: UInt64.self))
            let rawTail = length > 8 ? UInt64(littleEndian: atomBytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) : 0
            info[id] = Info(
                head: Self.masked(raw, length), tail: length > 8 ? Self.masked(rawTail, length - 8) : 0,
                firstPrefix: firstPrefix[id], start: starts[id], next: next[id], prefixes: listStart[id],
                lengthFlags: UInt32(length) << 2 | UInt32(flags[id]))
        }
    }

    deinit {
        slots.deallocate()
        info.deallocate()
        prefixesOf.deallocate()
        next.deallocate()
        starts.deallocate()
        flags.deallocate()
        bytes.deallocate()
        levels.deallocate()
        prefixFilter.deallocate()
        keyFilter.deallocate()
        levelFilters.deallocate()
        levelOffset.deallocate()
        levelBits.deallocate()
    }
}

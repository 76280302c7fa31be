import CPrefetch

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
    private let slotMask: Int
    /// `UInt64(tag) << 32 | UInt64(head + 1)`; 0 is an empty slot.
    private let slots: UnsafeMutablePointer<UInt64>
    /// Atom → next atom with the same key, or -1.
    private let next: UnsafeMutablePointer<Int32>
    /// What a probe reads about an atom, packed in one 40-byte record so that checking a
    /// candidate mostly costs one cache line: its first 16 bytes, length, flags, chain
    /// link, and for an exact atom the first prefix atom its spelling starts with and
    /// where the list of the others begins. Only words longer than 16 bytes or with
    /// several prefix atoms read further.
    private struct Info {
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
    private let info: UnsafeMutablePointer<Info>
    /// Lists of prefix atoms, each ended by `UInt64.max`: per entry
    /// `atom << 32 | length << 1 | caseSensitive`. A word spelled like an exact atom
    /// takes its prefix hits from that atom's list instead of probing the table once per
    /// prefix level: in a large rule set most words of a text are some rule's word, and
    /// those probes were as many as the exact ones, each a chain of cache misses.
    private let prefixesOf: UnsafeMutablePointer<UInt64>
    private let starts: UnsafeMutablePointer<Int32>
    private let lengths: UnsafeMutablePointer<Int32>
    /// Bit 0: case-sensitive (acronym rule); bit 1: prefix.
    private let flags: UnsafeMutablePointer<UInt8>
    /// All atoms' folded bytes, followed by 8 bytes of padding for unaligned loads.
    private let bytes: UnsafeMutablePointer<UInt8>
    /// Ladder levels used by some prefix atom, ascending.
    private let levels: UnsafeMutablePointer<Int>
    let levelCount: Int
    /// Per level up to 8 bytes: a filter of the prefix atoms' first `level` bytes,
    /// indexed by a one-multiply hash of the raw bytes, so a word pays the full hash and
    /// the slot probe only for levels where some prefix atom may start like it.
    /// Level `i` uses 2^levelShift[i] bits from `levelFilters + levelOffset[i]`.
    private let levelFilters: UnsafeMutablePointer<UInt64>
    private let levelOffset: UnsafeMutablePointer<Int>
    private let levelBits: UnsafeMutablePointer<Int>
    private let slotCount: Int
    /// A filter (16 bits per prefix atom, at most 2^16) of the first `prefixKeyLength`
    /// bytes of every prefix atom: words starting with none skip the prefix probes.
    private let prefixFilter: UnsafeMutablePointer<UInt64>
    private let prefixFilterMask: Int
    private let prefixKeyLength: Int
    /// A filter (16 bits per atom, at most 2^20 = 128 KB) of every key in the table:
    /// most words of a text are no atom, and the filter answers them from cache
    /// without touching the slots.
    private let keyFilter: UnsafeMutablePointer<UInt64>
    private let keyFilterMask: Int

    /// A power-of-two bit count: 16 bits per entry, between 64 and `maximum`.
    private static func filterBits(_ entries: Int, maximum: Int) -> Int {
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
        lengths = .allocate(capacity: count)
        flags = .allocate(capacity: count)
        let total = atoms.reduce(0) { $0 + $1.folded.count }
        bytes = .allocate(capacity: total + 8)
        bytes.initialize(repeating: 0, count: total + 8)
        var usedLevels = Set<Int>()
        var offset = 0
        for (id, atom) in atoms.enumerated() {
            starts[id] = Int32(offset)
            lengths[id] = Int32(atom.folded.count)
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
        lengths.deallocate()
        flags.deallocate()
        bytes.deallocate()
        levels.deallocate()
        prefixFilter.deallocate()
        keyFilter.deallocate()
        levelFilters.deallocate()
        levelOffset.deallocate()
        levelBits.deallocate()
    }

    /// The level filter bit of the first `level` (1…8) bytes: reads 8 bytes.
    @inline(__always)
    private static func levelBit(_ pointer: UnsafePointer<UInt8>, _ level: Int, _ shift: Int) -> Int {
        let raw = UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
        let key = level == 8 ? raw : raw & ((1 << UInt64(8 * level)) - 1)
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - shift))
    }

    /// Whether `key` may be in the table (no false negatives).
    @inline(__always)
    private func mayContain(_ key: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: key >> 40) & keyFilterMask
        return keyFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The filter bit of a word's first `length` (1…4) bytes; reads 4 bytes.
    @inline(__always)
    private static func prefixBit(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> Int {
        let raw = UInt32(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt32.self))
        let key = raw & (UInt32.max >> UInt32(32 - 8 * length))
        return Int((key &* 0x9E37_79B1) >> 16)
    }

    private func insert(_ atom: Int32, key: UInt64) {
        let tag = key >> 32
        var slot = Int(truncatingIfNeeded: key) & slotMask
        while true {
            let value = slots[slot]
            if value == 0 {
                slots[slot] = tag << 32 | UInt64(atom + 1)
                return
            }
            if value >> 32 == tag {
                next[Int(atom)] = Int32(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1
                slots[slot] = tag << 32 | UInt64(atom + 1)
                return
            }
            slot = (slot + 1) & slotMask
        }
    }

    /// The prefix ladder: a prefix atom of `length` bytes is keyed by its first
    /// `level(length)` bytes.
    @inline(__always)
    static func level(_ length: Int) -> Int {
        if length <= 4 { return length }
        var level = 4
        while true {
            // 4, 6, 8, 12, 16, 24, 32, …
            let nextLevel = (level & (level - 1)) == 0 ? level + level / 2 : level / 3 * 4
            if nextLevel > length { return level }
            level = nextLevel
        }
    }

    /// A fast hash of `count` bytes at `pointer`. Reads up to 7 bytes past the end,
    /// so callers keep 8 bytes of readable padding after every word.
    @inline(__always)
    static func hash(_ pointer: UnsafePointer<UInt8>, _ count: Int, _ seed: UInt64) -> UInt64 {
        let raw = UnsafeRawPointer(pointer)
        var h = seed ^ (UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15)
        var index = 0
        while count - index >= 8 {
            let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            h = (h ^ chunk) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            index += 8
        }
        let rest = count - index
        if rest > 0 {
            let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            h = (h ^ (chunk & (UInt64.max >> UInt64(64 - 8 * rest)))) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    @inline(__always)
    private func head(_ key: UInt64) -> Int32 {
        let tag = key >> 32
        var slot = Int(truncatingIfNeeded: key) & slotMask
        while true {
            let value = slots[slot]
            if value == 0 { return -1 }
            if value >> 32 == tag { return Int32(truncatingIfNeeded: value & 0xFFFF_FFFF) - 1 }
            slot = (slot + 1) & slotMask
        }
    }

    /// Whether the first `length` bytes of `word` spell atom `a` (whose record is `atom`).
    @inline(__always)
    private func spells(_ word: UnsafePointer<UInt8>, _ atom: Info, _ length: Int) -> Bool {
        let raw = UnsafeRawPointer(word)
        guard Self.masked(UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)), length) == atom.head else {
            return false
        }
        guard length > 8 else { return true }
        let tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        guard Self.masked(tail, length - 8) == atom.tail else { return false }
        return length <= 16 || Self.equal(word + 16, bytes + Int(atom.start) + 16, length - 16)
    }

    /// The first `length` bytes of `raw` (all 8 if `length` ≥ 8), the rest zero.
    @inline(__always)
    private static func masked(_ raw: UInt64, _ length: Int) -> UInt64 {
        length >= 8 ? raw : raw & ((1 << UInt64(8 * length)) - 1)
    }

    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        while count - index >= 8 {
            if ra.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                != rb.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            { return false }
            index += 8
        }
        while index < count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }

    /// The key the exact atoms spelled `word[0..<count]` are filed under.
    @inline(__always)
    static func exactKey(_ word: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        hash(word, count, exactSeed)
    }

    /// Starts loading the filter word and the slot that `firstAtom(key)` reads.
    @inline(__always)
    func prefetch(key: UInt64) {
        let bit = Int(truncatingIfNeeded: key >> 40) & keyFilterMask
        wirewatch_prefetch(keyFilter + bit >> 6)
        wirewatch_prefetch(slots + Int(truncatingIfNeeded: key) & slotMask)
    }

    /// The first exact atom filed under `key` (-1 if none); starts loading its record.
    @inline(__always)
    func firstAtom(key: UInt64) -> Int32 {
        let atom: Int32 = mayContain(key) ? head(key) : -1
        if atom >= 0 { wirewatch_prefetch(info + Int(atom)) }
        return atom
    }

    /// Whether the table is too big for the L2 cache, so that words are better checked
    /// in batches whose loads overlap (`DocumentScanner`).
    var isLarge: Bool { slotCount * 8 + atomCount * MemoryLayout<Info>.stride > 512 * 1024 }

    /// Calls `hit` with every atom the folded word `word[0..<count]` matches: the exact
    /// atom spelled that way and every prefix atom it starts with. `first` is
    /// `firstAtom(key: exactKey(word, count))`, looked up ahead by the caller so that
    /// the loads of several words overlap. `upperPrefix` is the length of the word's
    /// leading run without lowercase letters (the acronym rule).
    @inline(__always)
    func lookUp(
        _ word: UnsafePointer<UInt8>, count: Int, first: Int32, upperPrefix: Int, _ hit: (Int32) -> Void
    ) {
        var atom = first
        // 0 until an exact atom is spelled like the word (no prefix entry is 0: its
        // length is at least 1); then that atom's record's `firstPrefix`.
        var firstPrefix: UInt64 = 0
        var prefixes: Int32 = -1
        while atom >= 0 {
            let record = info[Int(atom)]
            let flag = record.flags
            if record.length == count, flag & 2 == 0, spells(word, record, count) {
                firstPrefix = record.firstPrefix
                prefixes = record.prefixes
                if flag & 1 == 0 || upperPrefix >= count { hit(atom) }
            }
            atom = record.next
        }
        if firstPrefix != 0 {
            // The word is some exact atom's spelling: its prefix atoms are listed there.
            @inline(__always)
            func prefixHit(_ value: UInt64) {
                if value & 1 == 0 || upperPrefix >= Int(truncatingIfNeeded: value & 0xFFFF_FFFF) >> 1 {
                    hit(Int32(truncatingIfNeeded: value >> 32))
                }
            }
            guard firstPrefix != UInt64.max else { return }
            prefixHit(firstPrefix)
            guard prefixes >= 0 else { return }
            var entry = prefixesOf + Int(prefixes)
            while entry.pointee != UInt64.max {
                prefixHit(entry.pointee)
                entry += 1
            }
            return
        }
        guard levelCount > 0, count >= prefixKeyLength else { return }
        let prefixBit = Self.prefixBit(word, prefixKeyLength) & prefixFilterMask
        guard prefixFilter[prefixBit >> 6] & (1 << UInt64(prefixBit & 63)) != 0 else { return }
        var index = 0
        while index < levelCount {
            let level = levels[index]
            if level > count { break }
            if level <= 8 {
                let bit = Self.levelBit(word, level, levelBits[index])
                if levelFilters[levelOffset[index] + bit >> 6] & (1 << UInt64(bit & 63)) == 0 {
                    index += 1
                    continue
                }
            }
            let prefixKey = Self.hash(word, level, Self.prefixSeed)
            var atom: Int32 = mayContain(prefixKey) ? head(prefixKey) : -1
            while atom >= 0 {
                let record = info[Int(atom)]
                let length = record.length
                let flag = record.flags
                if length <= count, flag & 2 != 0, flag & 1 == 0 || upperPrefix >= length,
                   spells(word, record, length)
                {
                    hit(atom)
                }
                atom = record.next
            }
            index += 1
        }
    }
}

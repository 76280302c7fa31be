import CPrefetch

/// Probing the table: hashing, the filters, the slots and the atom records.
extension AtomTable {
    /// The level filter bit of the first `level` (1…8) bytes: reads 8 bytes.
    @inline(__always)
    static func levelBit(_ pointer: UnsafePointer<UInt8>, _ level: Int, _ shift: Int) -> Int {
        let raw = UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
        let key = level == 8 ? raw : raw & ((1 << UInt64(8 * level)) - 1)
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - shift))
    }

    /// Whether `key` may be in the table (no false negatives).
    @inline(__always)
    func mayContain(_ key: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: key >> 40) & keyFilterMask
        return keyFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The filter bit of a word's first `length` (1…4) bytes; reads 4 bytes.
    @inline(__always)
    static func prefixBit(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> Int {
        let raw = UInt32(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt32.self))
        let key = raw & (UInt32.max >> UInt32(32 - 8 * length))
        return Int((key &* 0x9E37_79B1) >> 16)
    }

    func insert(_ atom: Int32, key: UInt64) {
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
    func head(_ key: UInt64) -> Int32 {
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
    func spells(_ word: UnsafePointer<UInt8>, _ atom: Info, _ length: Int) -> Bool {
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
    static func masked(_ raw: UInt64, _ length: Int) -> UInt64 {
        length >= 8 ? raw : raw & ((1 << UInt64(8 * length)) - 1)
    }

    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
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

/// A growable byte buffer for the HTML normalizer's output: appends are a
/// bounds check and a copy (no Array uniqueness or capacity bookkeeping per
/// call, which dominated for the many short runs between tags). Owned by
/// one scanner; `takeString()` turns it into a String and frees the storage.
struct ByteSink {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    private mutating func grow(_ needed: Int) {
        (base, capacity) = Self.grown(base, count: count, capacity: capacity, needed: needed)
    }

    /// A copy of the first `count` bytes in storage of at least `needed` bytes (doubling
    /// from `capacity`); the old storage is freed. Shared with `TextArena`.
    static func grown(
        _ base: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int, needed: Int
    ) -> (UnsafeMutablePointer<UInt8>, Int) {
        var c = max(capacity * 2, 16)
        while c < needed { c *= 2 }
        let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        nb.update(from: base, count: count)
        base.deallocate()
        return (nb, c)
    }

    @inline(__always) mutating func append(_ c: UInt8) {
        if count == capacity { grow(count + 1) }
        base[count] = c
        count += 1
    }

    @inline(__always) mutating func append(contentsOf p: UnsafeBufferPointer<UInt8>) {
        let n = p.count
        guard n > 0 else { return }
        if count + n > capacity { grow(count + n) }
        (base + count).update(from: p.baseAddress!, count: n)
        count += n
    }

    /// Room for `extra` more bytes (growing by doubling).
    @inline(__always) mutating func ensure(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    /// Where the next byte goes; write at most what `ensure` made room
    /// for, then `advance` by what was written.
    @inline(__always) var tail: UnsafeMutablePointer<UInt8> { base + count }

    @inline(__always) mutating func advance(_ n: Int) { count += n }

    /// Room for at least `n` bytes in all.
    mutating func reserve(_ n: Int) {
        guard n > capacity else { return }
        let nb = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
        nb.update(from: base, count: count)
        base.deallocate()
        base = nb
        capacity = n
    }

    /// The bytes as a String (repaired like `String(decoding:)`), freeing
    /// the storage: the sink must not be used afterwards.
    mutating func takeString() -> String {
        let s = String(utf8Bytes: UnsafeBufferPointer(start: base, count: count))
        base.deallocate()
        count = 0
        capacity = 0
        return s
    }
}

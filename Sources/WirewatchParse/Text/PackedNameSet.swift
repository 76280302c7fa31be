/// A small, fixed set of short ASCII names (≤ 8 bytes) packed into UInt64
/// keys, searched by bisection: no hashing on the per-tag hot paths of the
/// HTML scanners (a `Set<UInt64>` costs a SipHash round per lookup).
struct PackedNameSet: Sendable {
    private let keys: [UInt64]

    init(_ keys: [UInt64]) { self.keys = keys.sorted() }

    @inline(__always) func contains(_ key: UInt64) -> Bool {
        keys.withUnsafeBufferPointer { k in
            var lo = 0
            var hi = k.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                let v = k[mid]
                if v == key { return true }
                if v < key { lo = mid + 1 } else { hi = mid }
            }
            return false
        }
    }
}

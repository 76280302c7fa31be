/// Fixed 64-bit hashing for story signatures.
///
/// Signatures are persisted (keys table and blobs) and compared across runs and
/// machines, so nothing here may depend on Swift's per-process seeded `Hasher`.
enum StableHash {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// One FNV-1a step; words are hashed byte by byte as they are normalized.
    @inline(__always)
    static func fnv(_ state: UInt64, _ byte: UInt8) -> UInt64 {
        (state ^ UInt64(byte)) &* fnvPrime
    }

    /// The MurmurHash3 64-bit finalizer: FNV-1a alone leaves short words with
    /// weak high bits, and MinHash orders by the whole value.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    /// Order-sensitive combination of two hashes.
    @inline(__always)
    static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        mix(seed &* 0x9e37_79b9_7f4a_7c15 ^ value)
    }
}

import CMinHash

/// MinHash with a fixed family of permutations, stored as 8-bit values.
///
/// Permutation i maps a shingle hash s to (s ⊕ seedᵢ)·multᵢ (odd multiplier,
/// wrapping): a bijection on 64 bits that is cheap (one xor, one multiply, one
/// compare per shingle and permutation) — no modular big-integer arithmetic.
/// The shingle hash is already well mixed, which such multiply hashes need.
/// Seeds come from SplitMix64 on a fixed constant, so every run and machine
/// computes the same signature.
///
/// Only 8 bits of each minimum are kept (b-bit MinHash): two minima from the
/// same shingle always agree; minima from different shingles agree by chance
/// with probability 1/256, which `estimatedJaccard` subtracts. That keeps the
/// 128-value body signature at 128 bytes with almost the precision of 64-bit
/// values (the extra variance is O(1/256)).
struct MinHash: Sendable {
    let seeds: [UInt64]
    let multipliers: [UInt64]

    var count: Int { seeds.count }

    init(count: Int, seed: UInt64) {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
        var seeds: [UInt64] = []
        var multipliers: [UInt64] = []
        for _ in 0..<count {
            seeds.append(next())
            multipliers.append(next() | 1)
        }
        self.seeds = seeds
        self.multipliers = multipliers
    }

    /// The body signature: 128 values, as measured in the research anchors (§3).
    static let body = MinHash(count: 128, seed: 0x5749_5245_424f_4459)  // "WIREBODY"
    /// The lede signature: 64 values over at most 38 shingles is enough to tell
    /// a copied lede (J ≈ 1) from a different one (J ≈ 0).
    static let lede = MinHash(count: 64, seed: 0x5749_5245_4c45_4445)  // "WIRELEDE"

    /// The 8-bit minima of `shingles`; nil for an empty set.
    func signature(of shingles: UnsafeBufferPointer<UInt64>) -> [UInt8]? {
        guard !shingles.isEmpty else { return nil }
        guard let minima = minima(of: shingles, implementation: nil) else { return nil }
        // The top bits of a minimum are mostly zero; a multiply spreads every bit
        // of it into the kept byte.
        return minima.map { UInt8(truncatingIfNeeded: ($0 &* 0x9e37_79b9_7f4a_7c15) >> 56) }
    }

    /// The full 64-bit minimum of each permutation, computed in C (see
    /// `minhash.h`: vectorised, the same on every machine). `implementation`
    /// picks one for tests (0 scalar, 1 AVX2, 2 AVX-512); nil when the CPU lacks it.
    func minima(of shingles: UnsafeBufferPointer<UInt64>, implementation: Int32? = nil) -> [UInt64]? {
        var minima = [UInt64](repeating: .max, count: count)
        var supported = true
        seeds.withUnsafeBufferPointer { seeds in
            multipliers.withUnsafeBufferPointer { multipliers in
                minima.withUnsafeMutableBufferPointer { minima in
                    if let implementation {
                        supported = wirewatch_minhash_with(
                            implementation, shingles.baseAddress, shingles.count,
                            seeds.baseAddress, multipliers.baseAddress, minima.baseAddress, minima.count
                        ) == 1
                    } else {
                        wirewatch_minhash(
                            shingles.baseAddress, shingles.count,
                            seeds.baseAddress, multipliers.baseAddress, minima.baseAddress, minima.count
                        )
                    }
                }
            }
        }
        return supported ? minima : nil
    }

    /// Estimated Jaccard similarity of two 8-bit signatures of equal length.
    static func estimatedJaccard(_ a: [UInt8], _ b: [UInt8]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var equal = 0
        for i in 0..<a.count where a[i] == b[i] { equal += 1 }
        let chance = 1.0 / 256.0
        let agreement = Double(equal) / Double(a.count)
        return max(0, (agreement - chance) / (1 - chance))
    }

    /// Estimated containment of the set of size `small` in the set of size
    /// `large` from their Jaccard: C = J(|Q|+|X|) / ((1+J)|Q|) (research anchors §3).
    static func estimatedContainment(jaccard: Double, small: Int, large: Int) -> Double {
        guard small > 0, large > 0 else { return 0 }
        // J cannot exceed |Q|/|X|; a noisy estimate above it would claim more than all of Q.
        let jaccard = min(jaccard, Double(small) / Double(large))
        let c = jaccard * Double(small + large) / ((1 + jaccard) * Double(small))
        return min(1, c)
    }
}

import Testing
@testable import WirewatchDedup

/// The vectorised MinHash kernels must compute exactly what the scalar one does:
/// stored signatures are compared across runs and machines.
@Suite struct MinHashKernelTests {
    /// A deterministic spread of 64-bit values (SplitMix64).
    private func values(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    /// The arithmetic written out in Swift, one permutation and shingle at a time.
    private func reference(_ shingles: [UInt64], _ family: MinHash) -> [UInt64] {
        (0..<family.count).map { i in
            shingles.reduce(UInt64.max) { min($0, ($1 ^ family.seeds[i]) &* family.multipliers[i]) }
        }
    }

    @Test(arguments: [1, 3, 4, 7, 38, 300, 1_001])
    func everyKernelAgreesWithTheArithmetic(shingleCount: Int) {
        let shingles = values(shingleCount, seed: UInt64(shingleCount))
        // 128 and 64 are the families in use; 13 and 45 leave remainders past the vectors.
        for family in [MinHash.body, MinHash.lede, MinHash(count: 13, seed: 7), MinHash(count: 45, seed: 9)] {
            let expected = reference(shingles, family)
            shingles.withUnsafeBufferPointer { shingles in
                #expect(family.minima(of: shingles, implementation: nil) == expected)
                #expect(family.minima(of: shingles, implementation: 0) == expected)
                for vectorised: Int32 in [1, 2] {
                    // nil: this CPU lacks the instructions; the dispatcher never picks it then.
                    if let minima = family.minima(of: shingles, implementation: vectorised) {
                        #expect(minima == expected, "kernel \(vectorised)")
                    }
                }
            }
        }
    }

    @Test func extremeValuesOrderAsUnsigned() {
        // AVX2 compares signed: values either side of the sign bit must still order as unsigned.
        let shingles: [UInt64] = [0, .max, 1 << 63, (1 << 63) - 1, 0x8000_0000, 0xFFFF_FFFF]
        let family = MinHash(count: 16, seed: 42)
        let expected = reference(shingles, family)
        shingles.withUnsafeBufferPointer { shingles in
            for kernel: Int32 in [0, 1, 2] {
                if let minima = family.minima(of: shingles, implementation: kernel) {
                    #expect(minima == expected, "kernel \(kernel)")
                }
            }
        }
    }
}

import Testing
@testable import WirewatchArchive

@Suite("Story-key filter")
struct StoryKeyFilterTests {
    @Test func growsUntilItsMaximumThenStaysThereWithoutFalseNegatives() {
        // 4 KiB at 16 bits per key: at most 2,048 keys before it stops growing.
        let filter = StoryKeyFilter(capacity: 1_000, maximumBytes: 4_096)
        #expect(filter.maximumCapacity == 2_048)
        let keys = (0..<20_000).map { Int64($0) &* 0x9E37_79B9 &+ 17 }
        filter.insert(Array(keys.prefix(1_200)))
        #expect(!filter.isOverfull)  // a fifth over: not yet worth reading every key again
        filter.insert(Array(keys[1_200..<1_500]))
        #expect(filter.isOverfull)  // over 1,250 and below the maximum: rebuild bigger
        filter.reset(expecting: 20_000)
        #expect(filter.byteCount == 4_096)  // not the 30,000 keys' 30 KB asked for
        filter.insert(keys)
        #expect(!filter.isOverfull)  // at the maximum a rebuild cannot help
        #expect(keys.allSatisfy { filter.mayContain($0) })
    }

    /// Full (16 bits per key, 5 bits in one 64-byte block): ~0.17 % false
    /// positives, 0.4 % at a quarter over. The single filter before it, 4 bits
    /// anywhere at 8 bits per key, let ~2 % through.
    @Test func fewFalsePositivesWhenFull() {
        let filter = StoryKeyFilter(capacity: 100_000)
        var mix = UInt64(12_345)
        func next() -> Int64 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int64(bitPattern: z ^ (z >> 31))
        }
        let keys = (0..<100_000).map { _ in next() }
        filter.insert(keys)
        #expect(keys.allSatisfy { filter.mayContain($0) })
        let absent = (0..<200_000).map { _ in next() }
        let full = filter.mayContain(absent).count
        #expect(full < 200_000 * 25 / 10_000)  // under 0.25 %
        filter.insert((0..<25_000).map { _ in next() })
        let over = filter.mayContain(absent).count
        #expect(over < 200_000 * 6 / 1_000)  // under 0.6 %
    }
}

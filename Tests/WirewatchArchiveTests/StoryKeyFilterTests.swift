import Testing
@testable import WirewatchArchive

@Suite("Story-key filter")
struct StoryKeyFilterTests {
    @Test func growsUntilItsMaximumThenStaysThereWithoutFalseNegatives() {
        // 4 KiB at 8 bits per key: at most 4,096 keys before it stops growing.
        let filter = StoryKeyFilter(capacity: 1_000, maximumBytes: 4_096)
        #expect(filter.maximumCapacity == 4_096)
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
}

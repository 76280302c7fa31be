import Testing
@testable import WirewatchConfig

@Suite("[parse]: max_size and max_depth")
struct ParseLimitsTests {
    @Test func defaultsWithoutTheTable() throws {
        let config = try #require(parsed("""
            [[feed]]
            name = "a"
            url = "https://example.org/a.xml"
            """))
        #expect(config.parse == ParseLimits(maxSize: 32 << 20, maxDepth: 256))
    }

    @Test func sizesInUnitsOrBytes() throws {
        let config = try #require(parsed("""
            [parse]
            max_size = "8MB"
            max_depth = 64
            """))
        #expect(config.parse == ParseLimits(maxSize: 8 << 20, maxDepth: 64))
        let bytes = try #require(parsed("""
            [parse]
            max_size = 100000
            """))
        #expect(bytes.parse.maxSize == 100_000)
        #expect(ByteSize.parse("512 KB") == 512 << 10)
        #expect(ByteSize.parse("1GiB") == 1 << 30)
        #expect(ByteSize.parse("2g") == 2 << 30)
        #expect(ByteSize.parse("12 parsecs") == nil)
        #expect(ByteSize.parse("-1MB") == nil)
        #expect(ByteSize.describe(32 << 20) == "32MB")
        #expect(ByteSize.describe(1000) == "1000 bytes")
    }

    @Test func badValuesAreReportedWhereTheyAreWritten() {
        let found = errors(of: """
            [parse]
            max_size = "lots"
            max_depth = 10000
            max_items = 5
            """)
        #expect(found.map(\.description) == [
            #"/cfg/wirewatch.toml:2: [parse]: max_size: bad size "lots" (write it like "512KB" or "32MB")"#,
            #"/cfg/wirewatch.toml:3: [parse]: max_depth: 10000 is out of range (8…256)"#,
            #"/cfg/wirewatch.toml:4: [parse]: unknown key 'max_items'"#,
        ])
        let tooSmall = errors(of: """
            [parse]
            max_size = "1KB"
            """)
        #expect(tooSmall.map(\.description) == [#"/cfg/wirewatch.toml:2: [parse]: max_size: 1KB is out of range (64KB…1GB)"#])
        let wrongType = errors(of: """
            [parse]
            max_size = true
            """)
        #expect(wrongType.map(\.description) == [#"/cfg/wirewatch.toml:2: [parse]: max_size: expected a size such as "32MB", found a boolean"#])
    }
}

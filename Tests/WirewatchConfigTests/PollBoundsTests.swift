import Testing
@testable import WirewatchConfig

@Suite("Poll bounds: min_interval, max_interval, failing_after")
struct PollBoundsTests {
    @Test func defaultsFitTheInterval() throws {
        let config = try #require(parsed("""
            [poll]
            interval = "15m"
            [[feed]]
            name = "fast"
            url = "https://example.org/a.xml"
            interval = "2m"
            [[feed]]
            name = "slow"
            url = "https://example.org/b.xml"
            interval = "6h"
            [[feed]]
            name = "plain"
            url = "https://example.org/c.xml"
            """))
        #expect(config.poll.failingAfter == .seconds(2 * 86_400))
        let bounds = config.feeds.map { config.pollBounds(for: $0) }
        #expect(bounds[0] == PollBounds(minimum: .seconds(120), interval: .seconds(120), maximum: .seconds(4 * 3600)))
        #expect(bounds[1] == PollBounds(minimum: .seconds(300), interval: .seconds(6 * 3600), maximum: .seconds(6 * 3600)))
        #expect(bounds[2] == PollBounds(minimum: .seconds(300), interval: .seconds(900), maximum: .seconds(4 * 3600)))
    }

    @Test func feedKeysOverridePoll() throws {
        let config = try #require(parsed("""
            [poll]
            min_interval = "10m"
            max_interval = "2h"
            failing_after = "1d"
            [[feed]]
            name = "a"
            url = "https://example.org/a.xml"
            min_interval = "1m"
            max_interval = "1d"
            [[feed]]
            name = "b"
            url = "https://example.org/b.xml"
            """))
        #expect(config.poll.failingAfter == .seconds(86_400))
        #expect(config.pollBounds(for: config.feeds[0]) == PollBounds(minimum: .seconds(60), interval: .seconds(900), maximum: .seconds(86_400)))
        #expect(config.pollBounds(for: config.feeds[1]) == PollBounds(minimum: .seconds(600), interval: .seconds(900), maximum: .seconds(7200)))
    }

    @Test func conflictsAreReportedWhereTheyAreWritten() {
        let found = errors(of: """
            [poll]
            min_interval = "20m"
            failing_after = "10m"
            [[feed]]
            name = "a"
            url = "https://example.org/a.xml"
            interval = "30m"
            max_interval = "20m"
            [[feed]]
            name = "b"
            url = "https://example.org/b.xml"
            min_interval = "30s"
            """)
        #expect(found.map(\.description) == [
            #"/cfg/wirewatch.toml:2: [poll]: min_interval: min_interval "20m" is longer than the interval "15m""#,
            #"/cfg/wirewatch.toml:3: [poll]: failing_after: "10m" is too short (at least 1h)"#,
            #"/cfg/wirewatch.toml:8: feed "a": max_interval: the interval "30m" is longer than max_interval "20m""#,
            #"/cfg/wirewatch.toml:12: feed "b": min_interval: "30s" is too short (at least 1m)"#,
        ])
    }
}

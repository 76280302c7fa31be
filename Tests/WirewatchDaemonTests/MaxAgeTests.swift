import Foundation
import Testing
import WirewatchArchive
import WirewatchConfig
import WirewatchCore
import WirewatchTesting
@testable import WirewatchDaemon

/// `max_age`: an item dated longer ago than the rule's limit (a new feed's backlog)
/// is archived and joins its story, but raises no alert for that rule.
@Suite("Alert max_age")
struct MaxAgeTests {
    @Test func oldItemsAreArchivedWithoutAlerting() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let recent = Date().addingTimeInterval(-3600).formatted(.iso8601)
        try dir.write("feed.atom", """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><id>urn:ledger</id><updated>\(recent)</updated>
            <entry><id>urn:a</id><title>Strike vote set at the plant</title><updated>\(recent)</updated>
              <content>Workers at the plant will vote on Friday on a strike.</content></entry>
            <entry><id>urn:b</id><title>Strike ends after a month</title><updated>2020-03-01T10:00:00Z</updated>
              <content>The strike at the mill ended after a month of talks in 2020.</content></entry>
            <entry><id>urn:c</id><title>Strike date unknown</title>
              <content>An undated item about a strike at the depot counts as new.</content></entry>
            </feed>
            """)
        let file = try dir.write("wirewatch.toml", """
            [archive]
            path = "archive.sqlite"
            [[feed]]
            name = "ledger"
            url = "feed.atom"
            [[alert]]
            name = "recent-strikes"
            match = 'strike'
            max_age = "2d"
            [[alert]]
            name = "all-strikes"
            match = 'strike'
            """)
        let sink = RecordingSink()
        let daemon = try Daemon(config: try Config.load(path: file), sinks: [sink], logger: quietLogger)
        let summary = await daemon.runOnce()
        await daemon.shutdown()
        #expect(summary.newItems == 3)
        let alerts = await sink.alerts
        #expect(Set(alerts.filter { $0.rule == "recent-strikes" }.map(\.title)) == ["Strike vote set at the plant", "Strike date unknown"])
        #expect(alerts.filter { $0.rule == "all-strikes" }.count == 3)
    }

    @Test func maxAgeIsCheckedWhenTheConfigLoads() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("wirewatch.toml", """
            [[alert]]
            name = "a"
            match = 'strike'
            max_age = "soon"
            [[alert]]
            name = "b"
            on = "feed-health"
            max_age = "1d"
            """)
        do {
            _ = try Config.load(path: file)
            Issue.record("the config loaded")
        } catch {
            #expect(error.errors.map(\.line) == [4, 8])
            #expect(error.errors.first?.message.contains("max_age") == true)
            #expect(error.errors.last?.message == #"alert "b": max_age: a feed-health rule watches feeds, not items"#)
        }
    }
}

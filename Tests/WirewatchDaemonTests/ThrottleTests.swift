import Foundation
import Testing
import WirewatchArchive
import WirewatchConfig
import WirewatchCore
import WirewatchTesting
@testable import WirewatchDaemon

/// `throttle = N`: at most N alerts an hour per rule, the rest in one digest.
@Suite("Throttle and digest")
struct ThrottleTests {
    @Test func alertsOverTheThrottleGoOutInOneDigest() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let items = (1...5).map { ("s\($0)", "Strike news number \($0)", "Distinct story \($0) about a different workplace \($0 * 7919).") }
        try dir.write("feed.xml", rss(items))
        let file = try dir.write("wirewatch.toml", """
            [archive]
            path = "archive.sqlite"
            [notify]
            log = "alerts.log"
            [[feed]]
            name = "busy"
            url = "feed.xml"
            [[alert]]
            name = "strike"
            match = 'strike'
            throttle = 2
            [[alert]]
            name = "news"
            match = 'news'
            """)
        let sink = RecordingSink()
        let daemon = try Daemon(config: try Config.load(path: file), sinks: [sink], logger: quietLogger)
        _ = await daemon.runOnce()

        var alerts = await sink.alerts
        // The unthrottled rule sends all five; the throttled one two.
        #expect(alerts.filter { $0.rule == "news" }.count == 5)
        #expect(alerts.filter { $0.rule == "strike" }.count == 2)
        // tail hides what the throttle held back, unless asked.
        #expect(try daemon.archive.latestAlerts(limit: 100, filter: AlertFilter(rules: ["strike"])).count == 2)
        #expect(try daemon.archive.latestAlerts(limit: 100, filter: AlertFilter(rules: ["strike"], includesFolded: true)).count == 5)

        // Before the hour is up, no digest.
        daemon.makeDigests(now: Date().addingTimeInterval(600))
        await daemon.deliverOwed()
        #expect(await sink.alerts.count == 7)

        // An hour on: one digest with the three held back.
        daemon.makeDigests(now: Date().addingTimeInterval(3601))
        await daemon.deliverOwed()
        alerts = await sink.alerts
        #expect(alerts.count == 8)
        let digest = try #require(alerts.last)
        #expect(digest.kind == .digest)
        #expect(digest.rule == "strike")
        #expect(digest.sources == 3)
        #expect(digest.title.hasPrefix("3 more alerts for strike"))
        #expect(digest.detail?.split(separator: "\n").count == 3)
        #expect(digest.detail?.contains("Strike news number 5") == true)

        // Made once: nothing more to fold, and the digest is in tail.
        daemon.makeDigests(now: Date().addingTimeInterval(7200))
        await daemon.deliverOwed()
        #expect(await sink.alerts.count == 8)
        #expect(try daemon.archive.latestAlerts(limit: 100, filter: AlertFilter(rules: ["strike"])).map(\.kind) == [.item, .item, .digest])
        await daemon.shutdown()
    }
}

import Foundation
import Testing
import WirewatchArchive
import WirewatchConfig
import WirewatchCore
import WirewatchTesting
@testable import WirewatchDaemon

/// `[[alert]] on = "feed-health"`: gone, failing for longer than `failing_for`,
/// recovered; each once per rule, feed and episode, through the outbox.
@Suite("Feed-health alerts")
struct HealthAlertTests {
    func config(_ dir: TemporaryDirectory, _ server: FeedServer) throws -> Config {
        try Config.load(path: try dir.write("wirewatch.toml", """
            \(configPreamble)
            [[feed]]
            name = "gone"
            url = "\(server.url("/gone.xml"))"
            tags = ["local"]
            [[feed]]
            name = "broken"
            url = "\(server.url("/broken.xml"))"
            tags = ["national"]
            [[alert]]
            name = "health"
            on = "feed-health"
            failing_for = "6h"
            [[alert]]
            name = "local-health"
            on = "feed-health"
            match = 'tag:local'
            """))
    }

    @Test func goneAndLongFailuresAreAlertedOncePerEpisode() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await FeedServer.start()
        server.route("/gone.xml", .status(410))
        server.route("/broken.xml", .status(503))
        let sink = RecordingSink()
        let daemon = try Daemon(config: try config(dir, server), sinks: [sink], logger: quietLogger)

        _ = await daemon.runOnce()
        var alerts = await sink.alerts
        // The 410: one alert per rule that reads this feed; a 503 just now is not yet "failing for 6 h".
        #expect(alerts.allSatisfy { $0.kind == .feedHealth && $0.feed == "gone" && $0.itemID == 0 })
        #expect(Set(alerts.map(\.rule)) == ["health", "local-health"])
        #expect(alerts.first?.title.contains("is gone") == true)

        // Six hours of 503s later (the clock is an argument): "failing", once.
        let failing = PollOutcome(
            feed: "broken", status: 503, items: 0, newItems: 0, alerts: [], error: "HTTP 503", warning: nil,
            duration: 0, health: .ok, failingSince: Date().addingTimeInterval(-7 * 3600)
        )
        daemon.raiseHealthAlerts(failing)
        daemon.raiseHealthAlerts(failing)
        await daemon.deliverOwed()
        alerts = await sink.alerts
        let failingAlerts = alerts.filter { $0.feed == "broken" }
        // Only "health" reads every feed; "local-health" matches tag:local only.
        #expect(failingAlerts.map(\.rule) == ["health"])
        #expect(failingAlerts.first?.title.hasPrefix("feed broken failing for 7 h: HTTP 503") == true)

        // It recovers: a recovery alert, to the rule that reported the failure.
        var recovered = PollOutcome(
            feed: "broken", status: 200, items: 3, newItems: 0, alerts: [], error: nil, warning: nil, duration: 0
        )
        recovered.recoveredFrom = failing.failingSince
        daemon.raiseHealthAlerts(recovered)
        await daemon.deliverOwed()
        #expect(await sink.alerts.filter { $0.feed == "broken" }.map(\.title).last == "feed broken polled successfully again")

        // A restart raises nothing again: the gone feed is not polled, episodes are remembered.
        let count = await sink.alerts.count
        await daemon.shutdown()
        let restarted = try Daemon(config: try config(dir, server), sinks: [sink], logger: quietLogger)
        _ = await restarted.runOnce()
        restarted.raiseHealthAlerts(failing)
        await restarted.deliverOwed()
        #expect(await sink.alerts.count == count)
        await restarted.shutdown()
        try await server.stop()
    }

    @Test func eventsFollowTheRulesThreshold() throws {
        var rule = RuleConfig(name: "h", query: .everything)
        rule.event = .feedHealth
        rule.failingFor = .seconds(3600)
        let now = Date()
        var outcome = PollOutcome(
            feed: "f", status: 500, items: 0, newItems: 0, alerts: [], error: "HTTP 500", warning: nil, duration: 0
        )
        outcome.failingSince = now.addingTimeInterval(-1800)
        #expect(Daemon.healthEvents(outcome, rule: rule, now: now, hasAlerted: { _, _ in false }).isEmpty)
        outcome.failingSince = now.addingTimeInterval(-3600)
        let events = Daemon.healthEvents(outcome, rule: rule, now: now, hasAlerted: { _, _ in false })
        #expect(events.map(\.state) == ["failing"])
        #expect(events.first?.since == outcome.failingSince)
        // A recovery is news only to a rule that reported the failure.
        var back = PollOutcome(feed: "f", status: 200, items: 1, newItems: 0, alerts: [], error: nil, warning: nil, duration: 0)
        back.recoveredFrom = now.addingTimeInterval(-600)
        #expect(Daemon.healthEvents(back, rule: rule, now: now, hasAlerted: { _, _ in false }).isEmpty)
        #expect(Daemon.healthEvents(back, rule: rule, now: now, hasAlerted: { _, _ in true }).map(\.state) == ["recovered"])
    }
}

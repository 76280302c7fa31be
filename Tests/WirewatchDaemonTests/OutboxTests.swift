import Foundation
import Testing
import WirewatchConfig
import WirewatchCore
import WirewatchNotify
import WirewatchTesting
@testable import WirewatchDaemon

/// A sink that fails (retryably) a given number of times, then delivers.
actor FlakySink: AlertSink {
    nonisolated let name: String
    private var failuresLeft: Int
    private(set) var delivered: [Int64] = []
    private(set) var attempts = 0

    init(name: String = "flaky", failures: Int) {
        self.name = name
        failuresLeft = failures
    }

    func deliver(_ alert: Alert) async throws {
        attempts += 1
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw DeliveryError.retryable(sink: name, reason: "receiver down")
        }
        delivered.append(alert.id)
    }
}

@Suite("Outbox")
struct OutboxTests {
    static let fastRetry = RetryPolicy(initialDelay: .milliseconds(1), maxDelay: .milliseconds(5), jitter: 0)

    func config(_ dir: TemporaryDirectory) throws -> Config {
        try dir.write("feed.xml", rss([
            ("s1", "General strike called in Minneapolis", "Twin Cities unions vote."),
            ("s2", "Nurses join the general strike in Minneapolis", "Hospital workers walk out across the Twin Cities today."),
        ]))
        return try config(dir, match: #""general strike" AND Minneapolis"#)
    }

    /// One local feed (`feed.xml`) and one alert rule, `strike`.
    func config(_ dir: TemporaryDirectory, match: String) throws -> Config {
        try Config.load(path: try dir.write("wirewatch.toml", """
            [archive]
            path = "archive.sqlite"
            [[feed]]
            name = "local"
            url = "feed.xml"
            [[alert]]
            name = "strike"
            match = '\(match)'
            """))
    }

    @Test func aSinkThatFailsThenRecoversGetsEveryAlertOnce() async throws {
        let dir = try TemporaryDirectory("outbox")
        defer { dir.remove() }
        let config = try config(dir)
        let flaky = FlakySink(failures: 3)
        let healthy = RecordingSink()
        let daemon = try Daemon(config: config, sinks: [flaky, healthy], retry: Self.fastRetry, logger: quietLogger)
        _ = await daemon.runOnce()
        // The healthy sink is not held up by the failing one.
        #expect(await healthy.alerts.count == 2)
        #expect(await flaky.attempts >= 2)
        for _ in 0..<20 where await flaky.delivered.count < 2 {
            try await Task.sleep(for: .milliseconds(20))
            await daemon.deliverOwed()
        }
        #expect(await flaky.delivered.count == 2)
        #expect(try daemon.archive.owedDeliveries().isEmpty)
        await daemon.shutdown()

        // After a restart nothing is repeated.
        let again = FlakySink(failures: 0)
        let restarted = try Daemon(config: config, sinks: [again, RecordingSink()], retry: Self.fastRetry, logger: quietLogger)
        await restarted.deliverOwed()
        #expect(await again.attempts == 0)
        await restarted.shutdown()
    }

    @Test func aBacklogLargerThanAPageIsSentInOnePass() async throws {
        let dir = try TemporaryDirectory("outbox-backlog")
        defer { dir.remove() }
        // Distinct stories (no two share words beyond the rule's), every one alerting.
        let count = Daemon.outboxPage * 2 + 100
        try dir.write("feed.xml", rss((0..<count).map { n in
            let words = (1...12).map { "w\(n)x\($0 * 7919 % 1000)" }.joined(separator: " ")
            return ("b\(n)", "Strike report \(n)", "Strike news \(words)")
        }))
        let config = try config(dir, match: "strike")
        let sink = RecordingSink()
        let daemon = try Daemon(config: config, sinks: [sink], logger: quietLogger)
        let summary = await daemon.runOnce()
        #expect(summary.alerts == count)
        #expect(await sink.alerts.count == count)
        #expect(Set(await sink.alerts.map(\.id)).count == count, "each alert once")
        #expect(try daemon.archive.owedDeliveries().isEmpty)
        await daemon.shutdown()
    }

    @Test func undeliveredAlertsAreDeliveredAfterARestart() async throws {
        let dir = try TemporaryDirectory("outbox-restart")
        defer { dir.remove() }
        let config = try config(dir)
        let down = FlakySink(name: "phone", failures: 1_000)
        let first = try Daemon(config: config, sinks: [down], retry: Self.fastRetry, logger: quietLogger)
        _ = await first.runOnce()
        #expect(await down.delivered.isEmpty)
        await first.shutdown()

        let up = FlakySink(name: "phone", failures: 0)
        let second = try Daemon(config: config, sinks: [up], retry: Self.fastRetry, logger: quietLogger)
        try await Task.sleep(for: .milliseconds(20))
        await second.deliverOwed()
        #expect(await up.delivered.count == 2)
        await second.deliverOwed()
        #expect(await up.delivered.count == 2)
        await second.shutdown()
    }

    @Test func quietHoursHoldAllButTheTerminalUntilTheWindowEnds() async throws {
        let dir = try TemporaryDirectory("outbox-quiet")
        defer { dir.remove() }
        let calendar = Calendar.current
        let now = Date()
        func clock(_ date: Date) -> String {
            let parts = calendar.dateComponents([.hour, .minute], from: date)
            return String(format: "%02d:%02d", parts.hour!, parts.minute!)
        }
        var config = try config(dir)
        config.alertRules[0].quietHours = QuietHours("\(clock(now.addingTimeInterval(-3600)))-\(clock(now.addingTimeInterval(3600)))")
        let terminal = FlakySink(name: "terminal", failures: 0)
        let phone = FlakySink(name: "phone", failures: 0)
        let daemon = try Daemon(config: config, sinks: [terminal, phone], retry: Self.fastRetry, logger: quietLogger)
        _ = await daemon.runOnce()
        #expect(await terminal.delivered.count == 2)
        #expect(await phone.attempts == 0)
        // Still owed, for when the window ends.
        #expect(try daemon.archive.owedDeliveries().isEmpty)
        #expect(try daemon.archive.owedDeliveries(now: now.addingTimeInterval(2 * 3600)).map(\.sink) == ["phone", "phone"])
        await daemon.shutdown()
    }

    @Test func permanentFailuresAreGivenUp() async throws {
        actor BrokenSink: AlertSink {
            nonisolated let name = "broken"
            var attempts = 0
            func deliver(_ alert: Alert) async throws {
                attempts += 1
                throw DeliveryError.permanent(sink: name, reason: "HTTP 404")
            }
        }
        let dir = try TemporaryDirectory("outbox-permanent")
        defer { dir.remove() }
        let broken = BrokenSink()
        let daemon = try Daemon(config: try config(dir), sinks: [broken], retry: Self.fastRetry, logger: quietLogger)
        _ = await daemon.runOnce()
        try await Task.sleep(for: .milliseconds(20))
        await daemon.deliverOwed()
        #expect(await broken.attempts == 2)
        #expect(try daemon.archive.owedDeliveries().isEmpty)
        await daemon.shutdown()
    }
}

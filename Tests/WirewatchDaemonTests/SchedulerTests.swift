import Foundation
import Testing
import WirewatchArchive
import WirewatchConfig
import WirewatchCore
import WirewatchTesting
@testable import WirewatchDaemon

/// The scheduler against a loopback server: Retry-After, 410 Gone and a
/// confirmed permanent redirect, with what each leaves in the archive.
@Suite("Scheduler")
struct SchedulerTests {
    /// A config built in code, so intervals can be shorter than the file allows.
    func config(_ dir: TemporaryDirectory, _ feeds: [(String, String)], interval: Duration = .seconds(900)) -> Config {
        var poll = PollSettings(interval: interval)
        poll.hostDelay = .zero
        return Config(
            file: dir.file("wirewatch.toml"), directory: dir.path, archivePath: dir.file("archive.sqlite"),
            alertLogPath: dir.file("alerts.log"), poll: poll,
            feeds: feeds.map { FeedConfig(name: $0.0, url: $0.1, source: .http($0.1)) }
        )
    }

    func requests(_ server: FeedServer, _ path: String) -> Int {
        server.requests.filter { $0.path == path }.count
    }

    @Test func retryAfterIsHonouredForThatFeedOnly() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await FeedServer.start()
        server.route("/busy.xml", .ok(body: rss([("b1", "Busy", "text")])))
        server.route("/limited.xml", .init(status: 429, headers: [("Retry-After", "3600")]))
        let config = config(dir, [("busy", server.url("/busy.xml")), ("limited", server.url("/limited.xml"))], interval: .milliseconds(100))
        let daemon = try Daemon(config: config, sinks: [RecordingSink()], logger: quietLogger)

        let loop = Task { await daemon.runForever() }
        // Not a timing assertion: wait (bounded) until the other feed has been polled
        // several times, then check the limited one was not polled again meanwhile.
        for _ in 0..<400 where requests(server, "/busy.xml") < 5 { try await Task.sleep(for: .milliseconds(50)) }
        loop.cancel()
        await loop.value
        #expect(requests(server, "/busy.xml") >= 5)
        #expect(requests(server, "/limited.xml") == 1)

        let status = try #require(try daemon.archive.feedStatuses().first { $0.name == "limited" })
        let retryAfter = try #require(status.retryAfterUntil)
        #expect(retryAfter > Date().addingTimeInterval(3000))
        #expect(status.nextDue.map { $0 >= retryAfter } == true)
        #expect(status.lastStatus == 429)
        await daemon.shutdown()

        // A restart, even a cron-style run, still waits for it.
        let restarted = try Daemon(config: config, sinks: [RecordingSink()], logger: quietLogger)
        let summary = await restarted.runOnce()
        #expect(summary.feeds == 1)
        #expect(requests(server, "/limited.xml") == 1)
        await restarted.shutdown()
        try await server.stop()
    }

    @Test func goneDisablesTheFeedAcrossRestartsUntilItsURLChanges() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await FeedServer.start()
        server.route("/gone.xml", .status(410))
        let config = config(dir, [("old", server.url("/gone.xml"))])
        let daemon = try Daemon(config: config, sinks: [RecordingSink()], logger: quietLogger)

        let outcome = await daemon.poll(config.feeds[0])
        #expect(outcome.healthChange?.from == .ok)
        #expect(outcome.healthChange?.to == .gone)
        #expect(outcome.healthChange?.detail.contains("410") == true)
        #expect(outcome.nextDue == nil)
        #expect(await daemon.runOnce().feeds == 0)
        #expect(daemon.startDue(config.feeds[0], state: try daemon.archive.pollStates()["old"], now: Date()) == nil)
        await daemon.shutdown()

        let restarted = try Daemon(config: config, sinks: [RecordingSink()], logger: quietLogger)
        #expect(await restarted.runOnce().feeds == 0)
        #expect(requests(server, "/gone.xml") == 1)
        #expect(try restarted.archive.feedStatuses().first?.health == .gone)
        await restarted.shutdown()

        // A new URL in the config starts the feed over.
        server.route("/gone.xml", .ok(body: rss([("g1", "Back", "text")])))
        let changed = self.config(dir, [("old", server.url("/gone.xml?v=2"))])
        let third = try Daemon(config: changed, sinks: [RecordingSink()], logger: quietLogger)
        #expect(await third.runOnce().feeds == 1)
        #expect(requests(server, "/gone.xml") == 2)
        #expect(try third.archive.feedStatuses().first?.health == .ok)
        await third.shutdown()
        try await server.stop()
    }

    @Test func aConfirmedPermanentRedirectMovesTheFeed() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await FeedServer.start()
        server.route("/old.xml", .init(status: 301, headers: [("Location", server.url("/new.xml"))]))
        server.route("/new.xml", .ok(body: rss([("n1", "Moved", "text")])))
        let config = config(dir, [("feed", server.url("/old.xml"))])
        // Two polls, no waiting: the "over a day" rule is the policy's, not the clock's.
        let daemon = try Daemon(
            config: config, sinks: [RecordingSink()], redirects: RedirectConfirmation(polls: 2, span: 0), logger: quietLogger
        )
        let feed = config.feeds[0]

        let first = await daemon.poll(feed)
        #expect(first.healthChange == nil)
        #expect(try daemon.archive.feedStatuses().first?.currentURL == nil)
        let second = await daemon.poll(feed)
        #expect(second.healthChange?.to == .moved)
        #expect(second.healthChange?.detail == "moved permanently: \(server.url("/old.xml")) → \(server.url("/new.xml"))")
        let status = try #require(try daemon.archive.feedStatuses().first)
        #expect(status.currentURL == server.url("/new.xml"))
        #expect(status.health == .moved)

        // From now on the new URL is fetched directly, and the move is not reported again.
        let third = await daemon.poll(feed)
        #expect(third.healthChange == nil)
        #expect(third.error == nil)
        #expect(requests(server, "/old.xml") == 2)
        #expect(server.requests.last?.path == "/new.xml")
        await daemon.shutdown()

        // Across a restart too.
        let restarted = try Daemon(config: config, sinks: [RecordingSink()], logger: quietLogger)
        _ = await restarted.runOnce()
        #expect(requests(server, "/old.xml") == 2)
        await restarted.shutdown()
        try await server.stop()
    }
}

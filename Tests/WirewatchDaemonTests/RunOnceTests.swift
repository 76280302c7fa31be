import Foundation
import Testing
import WirewatchConfig
import WirewatchCore
import WirewatchNotify
import WirewatchTesting
@testable import WirewatchDaemon

@Suite("run --once")
struct RunOnceTests {
    func config(in dir: TemporaryDirectory, server: FeedServer) throws -> Config {
        let text = """
            \(configPreamble)
            [[feed]]
            name = "good"
            url = "\(server.url("/good.xml"))"
            tags = ["left"]
            [[feed]]
            name = "broken"
            url = "\(server.url("/broken.xml"))"
            [[feed]]
            name = "local"
            url = "local.xml"
            [[tag]]
            name = "ice"
            match = 'ICE OR "Immigration and Customs Enforcement"'
            [[alert]]
            name = "minneapolis-strike"
            match = '"general strike" AND (Minneapolis OR "Twin Cities")'
            [[alert]]
            name = "ice-left"
            match = 'tag:ice AND tag:left'
            """
        let file = try dir.write("wirewatch.toml", text)
        return try Config.load(path: file)
    }

    @Test func failingFeedDoesNotStopTheOthersAndSecondRunIsQuiet() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await FeedServer.start()
        server.route("/good.xml", .ok(body: rss([
            ("g1", "Unions call a general strike in Minneapolis", "Workers across the Twin Cities vote."),
            ("g2", "ICE agents detain workers", "Immigration raid at a plant."),
            ("g3", "Ice storm closes schools", "An ice storm hit Duluth."),
        ])))
        server.route("/broken.xml", .status(500))
        try dir.write("local.xml", rss([("l1", "General strike spreads in the Twin Cities", "Minneapolis nurses join.")]))

        let config = try config(in: dir, server: server)
        let sink = RecordingSink()
        let daemon = try Daemon(config: config, sinks: [sink], logger: quietLogger)

        let first = await daemon.runOnce()
        #expect(first.feeds == 3)
        #expect(first.failed == 1)
        #expect(first.newItems == 4)
        let alerts = await sink.alerts
        #expect(Set(alerts.map { "\($0.feed)/\($0.rule)" }) == [
            "good/minneapolis-strike", "good/ice-left", "local/minneapolis-strike",
        ])
        // The acronym rule: the "ice storm" item is archived but tagged and alerted by nothing.
        #expect(!alerts.contains { $0.title.contains("Ice storm") })

        let second = await daemon.runOnce()
        #expect(second.newItems == 0)
        #expect(second.alerts == 0)
        #expect(await sink.alerts.count == alerts.count)
        await daemon.shutdown()
        try await server.stop()
    }

    @Test func dedupHoldsAcrossDaemonRestarts() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await FeedServer.start()
        server.route("/good.xml", .ok(body: rss([("g1", "General strike in Minneapolis", "Twin Cities")])))
        server.route("/broken.xml", .status(500))
        try dir.write("local.xml", rss([]))
        let config = try config(in: dir, server: server)

        let firstSink = RecordingSink()
        let first = try Daemon(config: config, sinks: [firstSink], logger: quietLogger)
        _ = await first.runOnce()
        await first.shutdown()
        #expect(await firstSink.alerts.count == 1)

        // A new item appears; the old one must not alert again in a new process.
        server.route("/good.xml", .ok(body: rss([
            ("g1", "General strike in Minneapolis", "Twin Cities"),
            ("g2", "Second general strike day in Minneapolis", "Twin Cities"),
        ])))
        let secondSink = RecordingSink()
        let second = try Daemon(config: config, sinks: [secondSink], logger: quietLogger)
        _ = await second.runOnce()
        await second.shutdown()
        #expect(await secondSink.alerts.map(\.title) == ["Second general strike day in Minneapolis"])
        #expect(try second.archive.latestAlerts(limit: 10).count == 2)
        try await server.stop()
    }

    @Test func alertsGoToTheAlertLog() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await FeedServer.start()
        server.route("/good.xml", .ok(body: rss([("g1", "General strike in Minneapolis", "Twin Cities")])))
        server.route("/broken.xml", .status(500))
        try dir.write("local.xml", rss([]))
        let config = try config(in: dir, server: server)
        let daemon = try Daemon(config: config, sinks: [AlertLogSink(path: config.alertLogPath)], logger: quietLogger)
        _ = await daemon.runOnce()
        await daemon.shutdown()
        let log = try String(contentsOfFile: dir.file("alerts.log"), encoding: .utf8)
        let lines = log.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines[0].contains("minneapolis-strike  good  General strike in Minneapolis  https://news.example.org/g1"))
        try await server.stop()
    }
}

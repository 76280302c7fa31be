import AsyncHTTPClient
import Foundation
import Testing
import WirewatchConfig
import WirewatchTesting
@testable import WirewatchDaemon

@Suite("Prometheus metrics")
struct MetricsTests {
    @Test func oneLoopbackPollShowsUpOnTheEndpoint() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let feeds = try await FeedServer.start()
        feeds.route("/good.xml", .ok(body: rss([
            ("g1", "General strike called in Minneapolis", "Twin Cities unions vote."),
            ("g2", "Weather", "Sunny."),
        ])))
        feeds.route("/broken.xml", .status(500))
        let file = try dir.write("wirewatch.toml", """
            [archive]
            path = "archive.sqlite"
            [poll]
            host_delay = "0s"
            [metrics]
            listen = "127.0.0.1:9464"
            [[feed]]
            name = "good"
            url = "\(feeds.url("/good.xml"))"
            [[feed]]
            name = "broken"
            url = "\(feeds.url("/broken.xml"))"
            [[feed]]
            name = "off"
            url = "off.xml"
            enabled = false
            [[alert]]
            name = "strike"
            match = '"general strike"'
            """)
        let config = try Config.load(path: file)
        #expect(config.metrics == MetricsSettings(host: "127.0.0.1", port: 9464))

        let daemon = try Daemon(config: config, sinks: [RecordingSink()], logger: quietLogger)
        let metrics = DaemonMetrics()
        daemon.attachMetrics(metrics)
        // Port 0: the system picks a free one, whatever the config says.
        let server = try await MetricsServer.start(
            host: "127.0.0.1", port: 0, beforeScrape: { daemon.refreshMetricGauges() }, render: { metrics.render() }
        )
        _ = await daemon.runOnce()

        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/metrics"), timeout: .seconds(10))
        let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
        let missing = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(server.port)/other"), timeout: .seconds(10))
        try await client.shutdown()
        await server.stop()
        await daemon.shutdown()
        try await feeds.stop()

        #expect(response.status == .ok)
        #expect(response.headers.first(name: "content-type")?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(missing.status == .notFound)
        let lines = Set(body.split(separator: "\n").map(String.init))
        for expected in [
            #"wirewatch_polls_total{result="ok"} 1"#,
            #"wirewatch_polls_total{result="error"} 1"#,
            "wirewatch_items_ingested_total 2",
            "wirewatch_new_items_total 2",
            "wirewatch_alerts_total 1",
            "wirewatch_poll_duration_seconds_count 2",
            #"wirewatch_feeds{state="ok"} 1.0"#,
            #"wirewatch_feeds{state="failing"} 1.0"#,
            #"wirewatch_feeds{state="disabled"} 1.0"#,
            #"wirewatch_deliveries{sink="recording",result="delivered"} 1.0"#,
            "wirewatch_outbox_owed 0.0",
        ] {
            #expect(lines.contains(expected), "missing \(expected) in:\n\(body)")
        }
    }

    @Test func listenIsValidatedWithFileAndLine() {
        func problems(_ listen: String) -> [String] {
            do {
                _ = try Config.parse("[metrics]\nlisten = \(listen)\n", file: "/cfg/w.toml")
                return []
            } catch {
                return error.errors.map(\.description)
            }
        }
        #expect(problems(#""[::1]:9464""#) == [])
        #expect(problems(#""localhost:9100""#) == [])
        #expect(problems(#""9464""#) == [#"/cfg/w.toml:2: [metrics]: listen: "9464": expected HOST:PORT, such as "127.0.0.1:9464""#])
        #expect(problems(#""127.0.0.1:99999""#) == [#"/cfg/w.toml:2: [metrics]: listen: "127.0.0.1:99999": the port must be a number from 1 to 65535, found '99999'"#])
        #expect(problems(#""::1:9464""#).count == 1)
        #expect(problems("9464") == [#"/cfg/w.toml:2: [metrics]: listen: expected a string, found an integer"#])
        #expect((try? Config.parse("[metrics]\n", file: "/c.toml"))?.metrics == MetricsSettings())
        #expect((try? Config.parse("", file: "/c.toml"))?.metrics == nil)
    }
}

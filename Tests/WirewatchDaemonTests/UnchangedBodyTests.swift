import Foundation
import Testing
import WirewatchConfig
import WirewatchTesting
@testable import WirewatchDaemon

/// Servers that send neither ETag nor Last-Modified: the same document again is
/// not parsed again, and a changed one is.
@Suite("Unchanged documents")
struct UnchangedBodyTests {
    @Test func theSameBytesAreNotParsedAgain() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await FeedServer.start()
        server.route("/f.xml", .ok(body: rss([("a", "One", "x"), ("b", "Two", "y")])))
        let (daemon, feed) = try Self.daemon(in: dir, polling: server.url("/f.xml"))

        let first = await daemon.poll(feed)
        #expect(first.newItems == 2)
        #expect(!first.unchangedBody)

        let again = await daemon.poll(feed)
        #expect(again.status == 200)
        #expect(again.unchangedBody)
        #expect(again.items == 2)
        #expect(again.newItems == 0)

        server.route("/f.xml", .ok(body: rss([("c", "Three", "z"), ("a", "One", "x"), ("b", "Two", "y")])))
        let changed = await daemon.poll(feed)
        #expect(!changed.unchangedBody)
        #expect(changed.newItems == 1)
        #expect(server.requests.count == 3)
        await daemon.shutdown()
        try await server.stop()
    }

    /// A malformed document is parsed every time, so its warning stays true.
    @Test func aMalformedDocumentIsParsedEveryTime() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await FeedServer.start()
        server.route("/b.xml", .ok(body: rss([("a", "One & Co", "x")])))
        let (daemon, feed) = try Self.daemon(in: dir, polling: server.url("/b.xml"))
        _ = await daemon.poll(feed)
        let again = await daemon.poll(feed)
        #expect(!again.unchangedBody)
        #expect(again.warning != nil)
        await daemon.shutdown()
        try await server.stop()
    }

    /// A daemon with one feed at `url`, and that feed.
    static func daemon(in dir: TemporaryDirectory, polling url: String) throws -> (Daemon, FeedConfig) {
        let file = try dir.write("wirewatch.toml", """
            [archive]
            path = "archive.sqlite"
            [[feed]]
            name = "feed"
            url = "\(url)"
            """)
        let daemon = try Daemon(config: try Config.load(path: file), sinks: [], logger: quietLogger)
        return (daemon, try #require(daemon.config.feeds.first))
    }
}

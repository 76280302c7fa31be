import Foundation
import Testing
import WirewatchFetch
import WirewatchTesting

@Suite struct LimitTests {
    static let feed = String(repeating: "<item><title>Council votes on the budget</title></item>\n", count: 200)

    @Test func gzipIsDecoded() async throws {
        let server = try await FeedServer.start()
        let body = Array(("<rss>" + Self.feed + "</rss>").utf8)
        server.route("/feed.xml", .init(status: 200, headers: [("Content-Encoding", "gzip"), ("Content-Type", "application/rss+xml")], body: Gzip.compress(body)))
        let response = try await withFetcher { try await $0.fetch(.http(server.url("/feed.xml"))) }
        #expect(response.body == body)
        try await server.stop()
    }

    /// A server that announces gzip but sends plain text fails with a reason that says so.
    @Test func aBodyThatIsNotTheAnnouncedGzipSaysSo() async throws {
        let server = try await FeedServer.start()
        server.route("/liar.xml", .init(status: 200, headers: [("Content-Encoding", "gzip")], body: Array(("<rss>" + Self.feed + "</rss>").utf8)))
        let error = try await withFetcher { await $0.failure(server.url("/liar.xml")) }
        #expect(error?.description.contains("not the gzip or deflate data the server's Content-Encoding announced") == true)
        try await server.stop()
    }

    @Test func aGzipBombIsRefused() async throws {
        let server = try await FeedServer.start()
        let bomb = Gzip.zeros(50 << 20)  // 50 MB of zeros in ~320 KB
        #expect(bomb.count < 400 << 10)
        server.route("/bomb.xml", .init(status: 200, headers: [("Content-Encoding", "gzip")], body: bomb))
        let settings = testSettings { $0.maxBodyBytes = 1 << 20 }
        let error = try await withFetcher(settings) { await $0.failure(server.url("/bomb.xml")) }
        #expect(error == .tooLarge(limit: 1 << 20, url: server.url("/bomb.xml")))
        try await server.stop()
    }

    @Test func theLimitIsOnDecodedBytesNotWireBytes() async throws {
        let server = try await FeedServer.start()
        // 2 MB decoded from ~13 KB on the wire, against a 1 MB limit.
        server.route("/feed.xml", .init(status: 200, headers: [("Content-Encoding", "gzip")], body: Gzip.zeros(2 << 20)))
        let error = try await withFetcher(testSettings { $0.maxBodyBytes = 1 << 20 }) { await $0.failure(server.url("/feed.xml")) }
        #expect(error == .tooLarge(limit: 1 << 20, url: server.url("/feed.xml")))
        try await server.stop()
    }

    @Test func anOversizedBodyIsRefused() async throws {
        let server = try await FeedServer.start()
        server.route("/huge.xml", .init(status: 200, body: [UInt8](repeating: 0x20, count: 300_000)))
        server.route("/fits.xml", .init(status: 200, body: [UInt8](repeating: 0x20, count: 100_000)))
        try await withFetcher(testSettings { $0.maxBodyBytes = 100_000 }) { fetcher in
            #expect(await fetcher.failure(server.url("/huge.xml")) == .tooLarge(limit: 100_000, url: server.url("/huge.xml")))
            let fits = try await fetcher.fetch(.http(server.url("/fits.xml")))
            #expect(fits.body.count == 100_000)
        }
        try await server.stop()
    }

    @Test func aLargeErrorBodyStillReportsTheStatus() async throws {
        let server = try await FeedServer.start()
        server.route("/error", .init(status: 500, body: [UInt8](repeating: 0x41, count: 1 << 20)))
        let error = try await withFetcher(testSettings { $0.maxBodyBytes = 1000 }) { await $0.failure(server.url("/error")) }
        #expect(error == .http(status: 500, url: server.url("/error")))
        try await server.stop()
    }
}

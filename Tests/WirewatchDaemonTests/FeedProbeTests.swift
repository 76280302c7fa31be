import AsyncHTTPClient
import Foundation
import Testing
import WirewatchFetch
import WirewatchTesting
@testable import WirewatchDaemon

@Suite("feeds add: probe and discovery")
struct FeedProbeTests {
    func withProbe(_ body: (FeedProbe) async throws -> Void) async throws {
        let client = Fetcher.makeClient()
        var settings = Fetcher.Settings()
        settings.politeness.minimumDelay = .zero
        do {
            try await body(FeedProbe(fetcher: Fetcher(client: client, settings: settings)))
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    @Test func htmlPageLeadsToItsFeed() async throws {
        let server = try await FeedServer.start()
        server.route("/blog/", .ok(body: """
            <!doctype html><html><head>
            <link rel="alternate" type="application/feed+json" href="/feed.json">
            <link rel="alternate" type="application/rss+xml" title="Posts" href="posts.xml">
            <link rel="alternate" type="application/atom+xml" href="/atom.xml">
            </head><body>hello</body></html>
            """, contentType: "text/html; charset=utf-8"))
        server.route("/blog/posts.xml", .ok(body: rss([("a", "One", "x"), ("b", "Two", "y")]), contentType: "application/rss+xml"))
        try await withProbe { probe in
            let found = try await probe.probe(server.url("/blog/"), directory: "/")
            #expect(found.url == server.url("/blog/posts.xml"))
            #expect(found.page == server.url("/blog/"))
            #expect(found.title == "Test feed")
            #expect(found.items == 2)
            #expect(found.version == "rss20")
            #expect(found.otherLinks.map(\.url) == [server.url("/feed.json"), server.url("/atom.xml")])
        }
        try await server.stop()
    }

    @Test func aFeedIsTakenAsIs() async throws {
        let server = try await FeedServer.start()
        server.route("/f.xml", .ok(body: rss([("a", "One", "x")])))
        try await withProbe { probe in
            let found = try await probe.probe(server.url("/f.xml"), directory: "/")
            #expect(found.url == server.url("/f.xml"))
            #expect(found.page == nil)
        }
        try await server.stop()
    }

    @Test func pagesWithoutFeedsAndBrokenURLsAreRefused() async throws {
        let server = try await FeedServer.start()
        server.route("/plain", .ok(body: "<html><body>nothing here</body></html>", contentType: "text/html"))
        server.route("/junk", .ok(body: "not xml at all", contentType: "text/plain"))
        try await withProbe { probe in
            await #expect(throws: FeedProbeError.self) { try await probe.probe(server.url("/plain"), directory: "/") }
            await #expect(throws: FeedProbeError.self) { try await probe.probe(server.url("/junk"), directory: "/") }
            await #expect(throws: FeedProbeError.self) { try await probe.probe(server.url("/missing"), directory: "/") }
            await #expect(throws: FeedProbeError("feed://x.example/: unsupported URL scheme 'feed' (a browser's feed link: write https://x.example/)")) {
                try await probe.probe("feed://x.example/", directory: "/")
            }
        }
        try await server.stop()
    }

    /// A blog whose pages advertise no feed still has one where its software puts it.
    @Test func aPageWithoutFeedLinksLeadsToTheUsualFeedAddress() async throws {
        let server = try await FeedServer.start()
        server.route("/blog/2026/11/post.html", .ok(body: "<html><body>a post</body></html>", contentType: "text/html"))
        server.route("/feed.xml", .ok(body: rss([("a", "One", "x")]), contentType: "application/rss+xml"))
        try await withProbe { probe in
            let found = try await probe.probe(server.url("/blog/2026/11/post.html"), directory: "/")
            #expect(found.url == server.url("/feed.xml"))
            #expect(found.page == server.url("/blog/2026/11/post.html"))
            #expect(found.items == 1)
        }
        try await server.stop()
        #expect(FeedProbe.usualFeedURLs(page: "https://ex.example:8443/2026/11/post-slug/?p=1#x") == [
            "https://ex.example:8443/feed", "https://ex.example:8443/rss", "https://ex.example:8443/feed.xml",
            "https://ex.example:8443/rss.xml", "https://ex.example:8443/atom.xml", "https://ex.example:8443/index.xml",
        ])
        #expect(FeedProbe.usualFeedURLs(page: "file:///srv/site/index.html").isEmpty)
    }

    @Test func localPageAndRelativePath() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("index.html", #"<html><head><link rel="alternate" type="application/rss+xml" href="feeds/main.xml"></head></html>"#)
        try FileManager.default.createDirectory(atPath: dir.path + "/feeds", withIntermediateDirectories: true)
        try dir.write("feeds/main.xml", rss([("a", "One", "x")]))
        try await withProbe { probe in
            let found = try await probe.probe("index.html", directory: dir.path)
            #expect(found.url == "file://" + dir.path + "/feeds/main.xml")
            #expect(found.items == 1)
        }
    }
}

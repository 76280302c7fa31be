import Foundation
import Testing
import WirewatchCore
import WirewatchFetch
import WirewatchTesting

@Suite struct ConditionalGetTests {
    @Test func validatorsGoBackByteForByteAndA304HasNoBody() async throws {
        let server = try await FeedServer.start()
        let etag = "W/\"5e-1a2B\" ; odd"
        let lastModified = "Sat, 21 Nov 2026 06:00:00 GMT"
        server.route("/feed.xml", .init(status: 304, headers: [("ETag", etag), ("Cache-Control", "max-age=300")]))
        let response = try await withFetcher { fetcher in
            try await fetcher.fetch(.http(server.url("/feed.xml")), validators: .init(etag: etag, lastModified: lastModified))
        }
        #expect(response.isNotModified)
        #expect(response.body.isEmpty)
        #expect(response.etag == etag)
        #expect(response.freshUntil == response.fetchedAt + 300)
        let request = try #require(server.requests.last)
        #expect(request.header("If-None-Match") == etag)
        #expect(request.header("If-Modified-Since") == lastModified)
        try await server.stop()
    }

    @Test func noValidatorIsInvented() async throws {
        let server = try await FeedServer.start()
        server.route("/feed.xml", .ok(body: "<rss/>"))
        _ = try await withFetcher { try await $0.fetch(.http(server.url("/feed.xml")), validators: .init(etag: "\"x\"")) }
        _ = try await withFetcher { try await $0.fetch(.http(server.url("/feed.xml"))) }
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.header("If-Modified-Since") == nil })
        #expect(requests[0].header("If-None-Match") == "\"x\"")
        #expect(requests[1].header("If-None-Match") == nil)
        try await server.stop()
    }

    @Test func sendsUserAgentAndAcceptEncodingAndKeepsContentType() async throws {
        let server = try await FeedServer.start()
        server.route("/feed.xml", .ok(body: "<rss/>", contentType: "application/rss+xml; charset=ISO-8859-1"))
        let response = try await withFetcher { try await $0.fetch(.http(server.url("/feed.xml"))) }
        #expect(response.status == 200)
        #expect(response.body == Array("<rss/>".utf8))
        #expect(response.headers["content-type"] == "application/rss+xml; charset=ISO-8859-1")
        #expect(response.redirects.isEmpty)
        #expect(response.permanentTarget == nil)
        let request = try #require(server.requests.last)
        #expect(request.header("User-Agent") == "Wirewatch/\(WirewatchVersion.current) (+https://github.com/wirewatch/wirewatch)")
        #expect(request.header("Accept-Encoding") == "gzip, deflate")
        try await server.stop()
    }

    @Test func readsLocalFiles() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("feed.xml", "<rss/>")
        let response = try await withFetcher { try await $0.fetch(.file(path)) }
        #expect(response.body == Array("<rss/>".utf8))
        #expect(response.finalURL == "file://" + path)
        let missing = folder.file("missing.xml")
        await #expect(throws: FetchError.file(reason: "no such file", path: missing)) {
            try await withFetcher { try await $0.fetch(.file(missing)) }
        }
    }
}

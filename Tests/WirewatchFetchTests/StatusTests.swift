import Foundation
import Testing
import WirewatchFetch
import WirewatchTesting

@Suite struct StatusTests {
    @Test func notFoundIsAnHTTPError() async throws {
        let server = try await FeedServer.start()
        let error = try await withFetcher { await $0.failure(server.url("/missing.xml")) }
        #expect(error == .http(status: 404, url: server.url("/missing.xml")))
        #expect(error?.status == 404)
        try await server.stop()
    }

    @Test func goneIsItsOwnCase() async throws {
        let server = try await FeedServer.start()
        server.route("/old.xml", .status(410))
        server.route("/moved.xml", .init(status: 301, headers: [("Location", "/old.xml")]))
        try await withFetcher { fetcher in
            #expect(await fetcher.failure(server.url("/old.xml")) == .gone(url: server.url("/old.xml")))
            // After a redirect the error names the URL that is gone.
            #expect(await fetcher.failure(server.url("/moved.xml")) == .gone(url: server.url("/old.xml")))
        }
        try await server.stop()
    }

    @Test func tooManyRequestsWithRetryAfterSeconds() async throws {
        let server = try await FeedServer.start()
        server.route("/feed.xml", .init(status: 429, headers: [("Retry-After", "120")], body: Array("slow down".utf8)))
        let before = Date()
        let error = try await withFetcher { await $0.failure(server.url("/feed.xml")) }
        guard case .retryLater(429, _, let retryAfter?)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(retryAfter >= before + 120 && retryAfter <= Date() + 120)
        #expect(error?.retryAfter == retryAfter)
        try await server.stop()
    }

    @Test func serviceUnavailableWithRetryAfterDate() async throws {
        let server = try await FeedServer.start()
        server.route("/feed.xml", .init(status: 503, headers: [("Retry-After", "Fri, 21 Nov 2036 09:00:00 GMT")]))
        server.route("/plain.xml", .status(503))
        try await withFetcher { fetcher in
            let error = await fetcher.failure(server.url("/feed.xml"))
            let expected = try #require(HTTPDate.parse("Fri, 21 Nov 2036 09:00:00 GMT"))
            #expect(error == .retryLater(status: 503, url: server.url("/feed.xml"), retryAfter: expected))
            #expect(error?.description == "HTTP 503 from \(server.url("/feed.xml")), retry after 2036-11-21T09:00:00Z")
            // Without Retry-After it is still "come back later", with no date.
            #expect(await fetcher.failure(server.url("/plain.xml")) == .retryLater(status: 503, url: server.url("/plain.xml"), retryAfter: nil))
        }
        try await server.stop()
    }

    @Test func otherStatusesAreHTTPErrors() async throws {
        let server = try await FeedServer.start()
        for status in [300, 400, 401, 403, 500, 502] { server.route("/\(status)", .status(status)) }
        try await withFetcher { fetcher in
            for status in [300, 400, 401, 403, 500, 502] {
                #expect(await fetcher.failure(server.url("/\(status)")) == .http(status: status, url: server.url("/\(status)")))
            }
        }
        try await server.stop()
    }

    @Test func freshnessHintsComeBackOnSuccess() async throws {
        let server = try await FeedServer.start()
        server.route("/cached.xml", .init(status: 200, headers: [("Cache-Control", "public, max-age=900")], body: Array("<rss/>".utf8)))
        server.route("/nostore.xml", .init(status: 200, headers: [("Cache-Control", "no-store"), ("Expires", "Thu, 01 Jan 2099 00:00:00 GMT")]))
        try await withFetcher { fetcher in
            let cached = try await fetcher.fetch(.http(server.url("/cached.xml")))
            #expect(cached.freshUntil == cached.fetchedAt + 900)
            #expect(try await fetcher.fetch(.http(server.url("/nostore.xml"))).freshUntil == nil)
        }
        try await server.stop()
    }

    @Test func refusedConnectionIsATransportError() async throws {
        let server = try await FeedServer.start()
        let url = server.url("/feed.xml")
        try await server.stop()
        let error = try await withFetcher { await $0.failure(url) }
        guard case .transport(_, url)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(error?.description.hasSuffix("(\(url))") == true)
    }

    @Test func errorsPrintAsOneLineWithTheURL() {
        let url = "https://news.example/feed.xml"
        let retry = Date(timeIntervalSince1970: 1_795_251_600)  // 2026-11-21T09:00:00Z
        let errors: [(FetchError, String)] = [
            (.http(status: 404, url: url), "HTTP 404 from \(url)"),
            (.gone(url: url), "HTTP 410 Gone from \(url): the feed was removed"),
            (.retryLater(status: 503, url: url, retryAfter: retry), "HTTP 503 from \(url), retry after 2026-11-21T09:00:00Z"),
            (.retryLater(status: 429, url: url, retryAfter: nil), "HTTP 429 from \(url)"),
            (.transport(reason: "timed out after 30 s", url: url), "timed out after 30 s (\(url))"),
            (.tooLarge(limit: 1024, url: url), "body larger than 1024 bytes, the limit set by [parse] max_size (\(url))"),
            (.tooManyRedirects(limit: 8, url: url), "more than 8 redirects from \(url)"),
            (.redirectLoop(url: url, repeated: url), "redirect loop from \(url) (back to \(url))"),
            (.badRedirect(reason: "HTTP 301 without Location", url: url), "bad redirect from \(url): HTTP 301 without Location"),
        ]
        for (error, text) in errors {
            #expect(error.description == text)
            #expect(!error.description.contains("\n"))
        }
    }
}

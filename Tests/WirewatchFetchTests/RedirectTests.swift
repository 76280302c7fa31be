import Testing
import WirewatchFetch
import WirewatchTesting

@Suite struct RedirectTests {
    static func redirect(_ status: Int, to location: String) -> FeedServer.Response {
        .init(status: status, headers: [("Location", location)])
    }

    @Test func permanentChainIsReportedWithItsTarget() async throws {
        let server = try await FeedServer.start()
        server.route("/a", Self.redirect(301, to: server.url("/b")))
        server.route("/b", Self.redirect(308, to: "/c"))  // relative, resolved against /b
        server.route("/c", Self.redirect(301, to: "d?x=1"))
        server.route("/d", .ok(body: "<rss/>"))
        let response = try await withFetcher { try await $0.fetch(.http(server.url("/a"))) }
        #expect(response.status == 200)
        #expect(response.finalURL == server.url("/d?x=1"))
        #expect(response.redirects == [
            Redirect(from: server.url("/a"), to: server.url("/b"), status: 301),
            Redirect(from: server.url("/b"), to: server.url("/c"), status: 308),
            Redirect(from: server.url("/c"), to: server.url("/d?x=1"), status: 301),
        ])
        #expect(response.permanentTarget == server.url("/d?x=1"))
        #expect(server.requests.map(\.path) == ["/a", "/b", "/c", "/d"])
        try await server.stop()
    }

    @Test func aTemporaryHopMeansNoPermanentTarget() async throws {
        let server = try await FeedServer.start()
        server.route("/a", Self.redirect(301, to: "/b"))
        server.route("/b", Self.redirect(302, to: "/c"))
        server.route("/c", .ok(body: "<rss/>"))
        server.route("/t", Self.redirect(302, to: "/c"))
        try await withFetcher { fetcher in
            let mixed = try await fetcher.fetch(.http(server.url("/a")))
            #expect(mixed.redirects.map(\.status) == [301, 302])
            #expect(mixed.permanentTarget == nil)
            let temporary = try await fetcher.fetch(.http(server.url("/t")))
            #expect(temporary.finalURL == server.url("/c"))
            #expect(temporary.permanentTarget == nil)
        }
        try await server.stop()
    }

    @Test func validatorsAndA304FollowTheRedirect() async throws {
        let server = try await FeedServer.start()
        server.route("/old", Self.redirect(301, to: "/new"))
        server.route("/new", .init(status: 304))
        let response = try await withFetcher {
            try await $0.fetch(.http(server.url("/old")), validators: .init(etag: "\"v1\""))
        }
        #expect(response.isNotModified)
        #expect(response.permanentTarget == server.url("/new"))
        #expect(server.requests.last?.header("If-None-Match") == "\"v1\"")
        try await server.stop()
    }

    @Test func loopsAreDetected() async throws {
        let server = try await FeedServer.start()
        server.route("/a", Self.redirect(302, to: "/b"))
        server.route("/b", Self.redirect(302, to: "/a"))
        let error = try await withFetcher { await $0.failure(server.url("/a")) }
        #expect(error == .redirectLoop(url: server.url("/a"), repeated: server.url("/a")))
        #expect(server.requests.count == 2)
        try await server.stop()
    }

    @Test func theHopLimitIsEight() async throws {
        let server = try await FeedServer.start()
        for hop in 0..<9 { server.route("/\(hop)", Self.redirect(307, to: "/\(hop + 1)")) }
        server.route("/8", .ok(body: "<rss/>"))
        server.route("/9", .ok(body: "<rss/>"))
        try await withFetcher { fetcher in
            // 0 → … → 8: eight hops, accepted.
            server.route("/8", .ok(body: "<rss/>"))
            let eight = try await fetcher.fetch(.http(server.url("/0")))
            #expect(eight.redirects.count == 8)
            // 0 → … → 9: nine hops, refused.
            server.route("/8", Self.redirect(307, to: "/9"))
            #expect(await fetcher.failure(server.url("/0")) == .tooManyRedirects(limit: 8, url: server.url("/0")))
        }
        try await server.stop()
    }

    @Test func aRedirectWithoutLocationIsAnError() async throws {
        let server = try await FeedServer.start()
        server.route("/a", .status(301))
        server.route("/b", Self.redirect(302, to: "ftp://example.org/feed"))
        try await withFetcher { fetcher in
            #expect(await fetcher.failure(server.url("/a")) == .badRedirect(reason: "HTTP 301 without Location", url: server.url("/a")))
            let error = await fetcher.failure(server.url("/b"))
            #expect(error == .badRedirect(reason: "unusable Location \"ftp://example.org/feed\"", url: server.url("/b")))
        }
        try await server.stop()
    }
}

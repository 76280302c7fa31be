import Testing
import WirewatchFetch
import WirewatchTesting

@Suite struct PolitenessTests {
    @Test func fetchesToOneHostAreSpaced() async throws {
        let server = try await FeedServer.start()
        server.route("/feed.xml", .ok(body: "<rss/>"))
        let settings = testSettings { $0.politeness = .init(perHost: 1, minimumDelay: .milliseconds(150), global: 16) }
        let started = ContinuousClock.now
        try await withFetcher(settings) { fetcher in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 { group.addTask { _ = try await fetcher.fetch(.http(server.url("/feed.xml"))) } }
                try await group.waitForAll()
            }
        }
        // Three requests, two gaps of at least 150 ms.
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(server.requests.count == 3)
        try await server.stop()
    }

    @Test func perHostAboveTheClientsDefaultPoolIsReallyConcurrent() async throws {
        // Twelve feeds on one host that never answer: with `per_host = 12` all
        // twelve requests must be out at once (the HTTP client's own pool
        // used to hold them to 8, behind the silent ones).
        let server = try await RawServer.start(.silent)
        let settings = testSettings { $0.politeness = .init(perHost: 12, minimumDelay: .zero, global: 16) }
        try await withFetcher(settings) { fetcher in
            await withTaskGroup(of: Void.self) { group in
                for n in 0..<12 { group.addTask { _ = await fetcher.failure(server.url("/feed\(n).xml")) } }
                // Waits for the twelfth connection (the fetches' own 30 s timeout
                // ends the test should it never come), then stops the fetches.
                let deadline = ContinuousClock.now + .seconds(20)
                while server.mostConnectionsAtOnce < 12, ContinuousClock.now < deadline {
                    try? await Task.sleep(for: .milliseconds(20))
                }
                group.cancelAll()
            }
        }
        #expect(server.mostConnectionsAtOnce == 12)
        try await server.stop()
    }
}

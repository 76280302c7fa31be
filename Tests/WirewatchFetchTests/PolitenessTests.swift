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
}

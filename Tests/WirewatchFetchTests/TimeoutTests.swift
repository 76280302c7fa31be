import Testing
import WirewatchFetch

@Suite struct TimeoutTests {
    static let settings = testSettings { $0.timeout = .milliseconds(500) }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try await RawServer.start(.silent)
        let started = ContinuousClock.now
        let error = try await withFetcher(Self.settings) { await $0.failure(server.url("/feed.xml")) }
        #expect(error == .transport(reason: "timed out after 0.5 s", url: server.url("/feed.xml")))
        // Not a speed check: only proof that the fetch came back instead of hanging.
        #expect(ContinuousClock.now - started < .seconds(30))
        try await server.stop()
    }

    @Test func aServerThatDripsTheBodyTimesOut() async throws {
        // A byte every 50 ms: never idle long enough for a read timeout.
        let server = try await RawServer.start(.drip(every: .milliseconds(50)))
        let started = ContinuousClock.now
        let error = try await withFetcher(Self.settings) { await $0.failure(server.url("/feed.xml")) }
        #expect(error == .transport(reason: "timed out after 0.5 s", url: server.url("/feed.xml")))
        // Not a speed check: only proof that the fetch came back instead of hanging.
        #expect(ContinuousClock.now - started < .seconds(30))
        try await server.stop()
    }
}

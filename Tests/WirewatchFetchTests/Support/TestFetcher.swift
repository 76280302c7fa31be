import AsyncHTTPClient
import WirewatchCore
@testable import WirewatchFetch

/// Settings for loopback tests: no politeness delay, short timeouts.
func testSettings(_ configure: (inout Fetcher.Settings) -> Void = { _ in }) -> Fetcher.Settings {
    var settings = Fetcher.Settings()
    settings.politeness = .init(perHost: 1, minimumDelay: .zero, global: 16)
    // Generous: tests run in parallel on a busy 2-core machine; timeouts have their own tests.
    settings.timeout = .seconds(30)
    settings.connectTimeout = .seconds(10)
    configure(&settings)
    return settings
}

/// A fetcher over a fresh client, shut down after `body`.
func withFetcher<T>(
    _ settings: Fetcher.Settings = testSettings(), _ body: (Fetcher) async throws -> T
) async throws -> T {
    let client = Fetcher.makeClient(settings: settings)
    let result: Result<T, any Error>
    do { result = .success(try await body(Fetcher(client: client, settings: settings))) } catch { result = .failure(error) }
    try await client.shutdown()
    return try result.get()
}

extension Fetcher {
    /// The error a fetch failed with, or nil when it succeeded.
    func failure(_ url: String, validators: FetchValidators = .init()) async -> FetchError? {
        do {
            _ = try await fetch(.http(url), validators: validators)
            return nil
        } catch {
            return error
        }
    }
}

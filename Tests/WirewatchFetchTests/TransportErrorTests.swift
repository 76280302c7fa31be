import Testing
@testable import WirewatchFetch

@Suite("Transport errors in the user's words")
struct TransportErrorTests {
    /// Stands for NIO's resolver error, which the tests cannot provoke without a DNS server.
    struct ResolverError: Error, CustomStringConvertible {
        var description: String
    }

    @Test func anUnknownHostSaysSo() async throws {
        try await withFetcher { fetcher in
            let unknown = ResolverError(description: "DNS error: SocketAddressError.UnknownHost: Name or service not known (error -2) for host nonexistent.invalid, port 443")
            #expect(fetcher.describe(unknown) == "unknown host (DNS lookup failed)")
            let error = fetcher.fetchError(unknown, url: "https://nonexistent.invalid/feed")
            #expect(error.description.contains("unknown host"))
            #expect(error.description.contains("nonexistent.invalid"))
            let noResolver = ResolverError(description: "getaddrinfo: Temporary failure in name resolution")
            #expect(fetcher.describe(noResolver) == "DNS lookup failed (no answer from the resolver)")
        }
    }
}

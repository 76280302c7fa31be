import AsyncHTTPClient

/// The AsyncHTTPClient instances a `Fetcher` uses: one direct, plus one per
/// distinct proxy.
///
/// AsyncHTTPClient takes its proxy from the client's configuration, one proxy
/// per client, so "http feeds through proxy A, https feeds through proxy B,
/// NO_PROXY hosts direct" needs up to three clients. They share the singleton
/// event loop group; each only adds a connection pool, so the cost is nil when a
/// client is unused. Choosing one proxy "by the scheme of most feeds" would send
/// the other feeds, and NO_PROXY hosts, to the wrong place.
public final class FetchClients: Sendable {
    public let direct: HTTPClient
    let viaProxy: [ProxyEndpoint: HTTPClient]
    public let proxy: ProxySettings
    /// Clients this object created and must shut down.
    private let owned: [HTTPClient]

    /// Wraps an existing client: everything goes direct; `shutdown()` leaves it alone.
    public init(client: HTTPClient) {
        direct = client
        viaProxy = [:]
        proxy = .direct
        owned = []
    }

    init(direct: HTTPClient, viaProxy: [ProxyEndpoint: HTTPClient], proxy: ProxySettings) {
        self.direct = direct
        self.viaProxy = viaProxy
        self.proxy = proxy
        owned = [direct] + Array(viaProxy.values)
    }

    /// The client for a URL, honouring `NO_PROXY`.
    func client(scheme: String, host: String, port: Int?) -> HTTPClient {
        guard let endpoint = proxy.proxy(scheme: scheme, host: host, port: port) else { return direct }
        return viaProxy[endpoint] ?? direct
    }

    /// Shuts down the clients created by `Fetcher.makeClients`; call once when done.
    public func shutdown() async throws {
        for client in owned { try await client.shutdown() }
    }
}

import AsyncHTTPClient
import Foundation
import NIOCore

extension Fetcher {
    /// A direct client (no proxy) configured the way the fetcher needs it.
    /// Prefer `makeClients`, which also honours the proxy environment.
    public static func makeClient(settings: Settings = .init()) -> HTTPClient {
        HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration(settings: settings, proxy: nil))
    }

    /// One direct client plus one per distinct proxy in `proxy` (by default
    /// from `HTTP(S)_PROXY`/`NO_PROXY`). Shut them down with `FetchClients.shutdown()`.
    public static func makeClients(
        settings: Settings = .init(),
        proxy: ProxySettings = .from(environment: ProcessInfo.processInfo.environment)
    ) -> FetchClients {
        var viaProxy: [ProxyEndpoint: HTTPClient] = [:]
        for endpoint in [proxy.http, proxy.https].compactMap({ $0 }) where viaProxy[endpoint] == nil {
            viaProxy[endpoint] = HTTPClient(
                eventLoopGroupProvider: .singleton, configuration: configuration(settings: settings, proxy: endpoint)
            )
        }
        return FetchClients(direct: makeClient(settings: settings), viaProxy: viaProxy, proxy: proxy)
    }

    /// Redirects are ours (`.disallow`): the chain is reported, loops and the
    /// limit are checked per hop, and every hop goes through the host gate.
    /// Decompression is the client's, limited to `maxBodyBytes` of output.
    static func configuration(settings: Settings, proxy: ProxyEndpoint?) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: settings.connectTimeout.timeAmount, read: settings.timeout.timeAmount),
            decompression: .enabled(limit: .size(settings.maxBodyBytes))
        )
        configuration.httpVersion = .automatic
        // The client's own pool allows 8 connections per host by default: with
        // `per_host` above that, the gate let requests through that then queued
        // in the pool, and 8 slow feeds on one host stalled every other feed
        // there (measured on the fault farm: nothing started for 6 s).
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(8, settings.politeness.perHost)
        if let proxy {
            switch proxy.kind {
            case .http:
                let authorization = proxy.username.map { HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "") }
                configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
            case .socks5:
                configuration.proxy = .socksServer(host: proxy.host, port: proxy.port)
            }
        }
        return configuration
    }
}

extension Duration {
    var timeAmount: TimeAmount {
        .nanoseconds(components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000)
    }
}

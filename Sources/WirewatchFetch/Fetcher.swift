import AsyncHTTPClient
import Foundation
import WirewatchCore

/// Fetches feed documents: `http(s)://` through shared AsyncHTTPClient
/// instances (one direct, one per proxy), and local files.
///
/// Sendable: every poll task uses the same instance, so they share the clients'
/// connection pools and the `HostGate` that keeps us polite to each host.
public struct Fetcher: Sendable {
    let clients: FetchClients
    public let settings: Settings
    public let gate: HostGate

    /// All requests through `client`, direct (no proxy). `gate` defaults to a
    /// new one with `settings.politeness`; share one gate across fetchers.
    public init(client: HTTPClient, settings: Settings = .init(), gate: HostGate? = nil) {
        self.init(clients: FetchClients(client: client), settings: settings, gate: gate)
    }

    /// Requests through the client `clients` picks for each URL (proxy or direct).
    public init(clients: FetchClients, settings: Settings = .init(), gate: HostGate? = nil) {
        self.clients = clients
        self.settings = settings
        self.gate = gate ?? HostGate(limits: settings.politeness)
    }

    public func fetch(_ source: FeedSource, validators: FetchValidators = .init()) async throws(FetchError) -> FetchResponse {
        switch source {
        case .file(let path): try readFile(path)
        case .http(let url): try await get(url, validators: validators)
        }
    }
}

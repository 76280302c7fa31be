import WirewatchCore

extension Fetcher {
    public struct Settings: Sendable {
        /// Budget for one fetch's network time: connect, send, wait, read the body,
        /// summed over redirect hops. Time queued in the `HostGate` does not count.
        public var timeout: Duration = .seconds(30)
        /// Limit for establishing one connection (TCP + TLS).
        public var connectTimeout: Duration = .seconds(10)
        /// Largest body accepted, after decompression (a gzip bomb is refused).
        public var maxBodyBytes: Int = 32 << 20
        /// Redirect hops followed before giving up.
        public var maxRedirects: Int = 8
        /// Per-host and global concurrency, and the delay between requests to a host.
        public var politeness: HostGate.Limits = .init()
        public var userAgent: String = "Wirewatch/\(WirewatchVersion.current) (+https://github.com/wirewatch/wirewatch)"

        public init() {}
    }
}

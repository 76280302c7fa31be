/// Which proxy, if any, each request goes through, from the usual environment
/// variables:
///
/// - `http_proxy`/`HTTP_PROXY` for `http://` feeds, `https_proxy`/`HTTPS_PROXY`
///   for `https://` feeds, `all_proxy`/`ALL_PROXY` as the fallback for both.
///   The lower-case name wins when both are set (curl, wget and Python agree).
/// - `no_proxy`/`NO_PROXY`: comma-separated; `*` bypasses everything; a name
///   (with or without a leading `.` or `*.`) matches itself and its subdomains;
///   `name:port` matches that port only; IP addresses match literally (no CIDR).
/// - Loopback (`localhost`, `127.x.x.x`, `::1`) never goes through a proxy.
public struct ProxySettings: Sendable, Hashable {
    public struct NoProxyRule: Sendable, Hashable {
        public var host: String
        public var port: Int?
    }

    public var http: ProxyEndpoint?
    public var https: ProxyEndpoint?
    public var noProxy: [NoProxyRule]
    public var bypassAll: Bool
    /// Variables that were set but unusable; log them once at start-up.
    public var problems: [ProxyConfigurationError]

    public init(
        http: ProxyEndpoint? = nil, https: ProxyEndpoint? = nil, noProxy: [NoProxyRule] = [], bypassAll: Bool = false,
        problems: [ProxyConfigurationError] = []
    ) {
        self.http = http
        self.https = https
        self.noProxy = noProxy
        self.bypassAll = bypassAll
        self.problems = problems
    }

    /// No proxy at all.
    public static let direct = ProxySettings()

    public static func from(environment: [String: String]) -> ProxySettings {
        func value(_ name: String) -> String? {
            for key in [name.lowercased(), name.uppercased()] {
                if let value = environment[key]?.trimmingSpaces, !value.isEmpty { return value }
            }
            return nil
        }
        var settings = ProxySettings()
        func endpoint(_ text: String?) -> ProxyEndpoint? {
            guard let text else { return nil }
            switch ProxyEndpoint.parse(text) {
            case .success(let endpoint): return endpoint
            case .failure(let problem):
                if !settings.problems.contains(problem) { settings.problems.append(problem) }
                return nil
            }
        }
        let all = value("all_proxy")
        settings.http = endpoint(value("http_proxy") ?? all)
        settings.https = endpoint(value("https_proxy") ?? all)
        for entry in (value("no_proxy") ?? "").split(whereSeparator: { $0 == "," || $0 == " " }) {
            if entry == "*" {
                settings.bypassAll = true
                continue
            }
            var text = entry
            if text.hasPrefix("*.") { text = text.dropFirst(2) } else if text.hasPrefix(".") { text = text.dropFirst() }
            if let address = HostPort.split(text) { settings.noProxy.append(.init(host: address.host, port: address.port)) }
        }
        return settings
    }

    /// Whether a request to `host` (and `port`, when known) goes direct.
    public func bypasses(host: String, port: Int? = nil) -> Bool {
        let host = Self.normalized(host)
        if bypassAll || Self.isLoopback(host) { return true }
        return noProxy.contains { rule in
            (host == rule.host || host.hasSuffix("." + rule.host)) && (rule.port == nil || rule.port == port)
        }
    }

    /// The proxy for a request, nil for a direct connection.
    public func proxy(scheme: String, host: String, port: Int? = nil) -> ProxyEndpoint? {
        let endpoint: ProxyEndpoint? =
            switch scheme.lowercased() {
            case "http": http
            case "https": https
            default: nil
            }
        guard let endpoint else { return nil }
        let effectivePort = port ?? (scheme.lowercased() == "https" ? 443 : 80)
        return bypasses(host: host, port: effectivePort) ? nil : endpoint
    }

    static func normalized(_ host: String) -> String {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host.removeLast() }
        return host
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasSuffix(".localhost") || (host.hasPrefix("127.") && host.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }) || host == "::1"
    }
}

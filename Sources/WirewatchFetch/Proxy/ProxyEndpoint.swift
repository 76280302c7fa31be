import Foundation

/// One proxy server from the environment, e.g. `http://user:pass@proxy:3128`.
public struct ProxyEndpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// An HTTP proxy; AsyncHTTPClient tunnels through it with `CONNECT`.
        case http
        /// SOCKS 5 (`socks5://`, `socks5h://`), without authentication.
        case socks5
    }

    public var kind: Kind
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?

    public init(kind: Kind = .http, host: String, port: Int, username: String? = nil, password: String? = nil) {
        self.kind = kind
        self.host = host
        self.port = port
        self.username = username
        self.password = password
    }

    /// Parses `[scheme://][user[:password]@]host[:port][/]`. No scheme means
    /// `http`. Default ports: 80 for http, 1080 for SOCKS. Returns nil with a
    /// reason for what AsyncHTTPClient cannot do (TLS to the proxy, SOCKS 4).
    public static func parse(_ value: String) -> Result<ProxyEndpoint, ProxyConfigurationError> {
        var rest = Substring(value.trimmingSpaces)
        var kind = Kind.http
        if let schemeEnd = rest.range(of: "://") {
            switch rest[..<schemeEnd.lowerBound].lowercased() {
            case "http": kind = .http
            case "socks5", "socks5h": kind = .socks5
            case let scheme: return .failure(.init(value: value, reason: "unsupported proxy scheme \(scheme)"))
            }
            rest = rest[schemeEnd.upperBound...]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var username: String?
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let parts = credentials.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            username = parts[0].removingPercentEncoding ?? String(parts[0])
            if parts.count > 1 { password = parts[1].removingPercentEncoding ?? String(parts[1]) }
        }
        guard let address = HostPort.split(rest) else {
            return .failure(.init(value: value, reason: "no proxy host"))
        }
        let (host, port) = address
        if kind == .socks5, username != nil {
            return .failure(.init(value: value, reason: "SOCKS proxy authentication is not supported"))
        }
        return .success(
            ProxyEndpoint(kind: kind, host: host, port: port ?? (kind == .http ? 80 : 1080), username: username, password: password)
        )
    }

    /// Never prints the password.
    public var description: String {
        let scheme = kind == .http ? "http" : "socks5"
        let user = username.map { "\($0)@" } ?? ""
        return "\(scheme)://\(user)\(host):\(port)"
    }
}

/// A proxy variable that could not be used; the daemon logs it at start-up.
public struct ProxyConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var value: String
    public var reason: String

    public var description: String { "ignoring proxy \"\(value)\": \(reason)" }
}

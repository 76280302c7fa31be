/// `[metrics]`: where the daemon serves Prometheus metrics (`GET /metrics`).
public struct MetricsSettings: Sendable, Equatable {
    /// An IP address or host name; IPv6 without the brackets of the config's spelling.
    public var host: String
    public var port: Int

    public static let defaultListen = "127.0.0.1:9464"

    public init(host: String = "127.0.0.1", port: Int = 9464) {
        self.host = host
        self.port = port
    }

    /// `host:port`, with brackets around an IPv6 address.
    public var listen: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Parses `"127.0.0.1:9464"`, `"[::1]:9464"` or `"localhost:9464"`; nil with a reason.
    public static func parse(_ text: String) -> Result<MetricsSettings, MetricsListenError> {
        let hostPart: Substring
        let portPart: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else {
                return .failure(MetricsListenError("an IPv6 address is written in brackets with a port: \"[::1]:9464\""))
            }
            hostPart = text[text.index(after: text.startIndex)..<close]
            portPart = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else {
                return .failure(MetricsListenError("expected HOST:PORT, such as \"\(defaultListen)\""))
            }
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
            if hostPart.contains(":") {
                return .failure(MetricsListenError("write an IPv6 address in brackets: \"[::1]:9464\""))
            }
        }
        guard !hostPart.isEmpty, !hostPart.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            return .failure(MetricsListenError("expected HOST:PORT with an address or host name, such as \"\(defaultListen)\""))
        }
        guard let port = Int(portPart), (1...65_535).contains(port) else {
            return .failure(MetricsListenError("the port must be a number from 1 to 65535, found '\(portPart)'"))
        }
        return .success(MetricsSettings(host: String(hostPart), port: port))
    }
}

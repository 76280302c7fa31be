import Foundation

/// An absolute http(s) URL split into what the gate and the client choice need.
struct RequestTarget: Sendable, Hashable {
    let url: String
    let scheme: String
    let host: String
    let port: Int?

    init?(_ url: String) {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parsed.host, !host.isEmpty
        else { return nil }
        self.url = url
        self.scheme = scheme
        self.host = host.lowercased()
        self.port = parsed.port
    }

    /// `Location` resolved against this URL (it may be relative: RFC 9110 §10.2.2).
    func resolve(_ location: String) -> String? {
        URL(string: location, relativeTo: URL(string: url))?.absoluteURL.absoluteString
    }
}

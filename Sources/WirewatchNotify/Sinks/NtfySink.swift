import AsyncHTTPClient
import WirewatchCore

/// Publishes each alert to an ntfy topic: the body is the item's title and link, the
/// `Title` header the item's title (or the configured one), with `Priority`, `Tags`,
/// `Click` (the link), `Idempotency-Key` and, with a token, `Authorization`.
///
/// Feed text in headers is flattened to one line (no header injection), and a
/// non-ASCII title is sent as RFC 2047 encoded words, which ntfy decodes: raw UTF-8
/// in a header is not reliably passed on by proxies.
public struct NtfySink: AlertSink {
    public let name: String
    public let options: NtfyOptions
    let client: HTTPClient

    public init(name: String = "ntfy", options: NtfyOptions, client: HTTPClient) {
        self.name = name
        self.options = options
        self.client = client
    }

    public func deliver(_ alert: Alert) async throws(DeliveryError) {
        let itemTitle = TerminalText.sanitize(alert.title.isEmpty ? "(untitled)" : alert.title)
        let title = HeaderText.sanitize(options.title ?? itemTitle, limit: 250)
        var headers: [(String, String)] = [
            ("Title", RFC2047.encode(title)),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("User-Agent", "Wirewatch/\(WirewatchVersion.current)"),
            ("Idempotency-Key", IdempotencyKey.make(for: alert)),
        ]
        if let priority = options.priority { headers.append(("Priority", String(min(max(priority, 1), 5)))) }
        let tags = options.tags.map { HeaderText.sanitize($0) }.filter { !$0.isEmpty }
        if !tags.isEmpty { headers.append(("Tags", RFC2047.encode(tags.joined(separator: ",")))) }
        var body = itemTitle
        if let link = alert.link, !HeaderText.sanitize(link).isEmpty {
            headers.append(("Click", HeaderText.link(link)))
            body += "\n" + TerminalText.sanitize(link)
        }
        if let detail = alert.detail, !detail.isEmpty { body += "\n" + TerminalText.sanitizeLines(detail) }
        if let token = options.token { headers.append(("Authorization", "Bearer " + HeaderText.sanitize(token))) }
        let request = HTTPDelivery(
            sink: name, url: options.url, headers: headers, body: Array(body.utf8), timeout: options.timeout
        )
        try await request.post(with: client)
    }
}

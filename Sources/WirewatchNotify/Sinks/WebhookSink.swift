import AsyncHTTPClient
import WirewatchCore

/// POSTs the alert JSON (`AlertLine.json`) to a URL with `Content-Type:
/// application/json` and `Idempotency-Key: wirewatch-alert-<id>`. 2xx is success;
/// 408, 429 and 5xx are retried (honouring `Retry-After`); other statuses are permanent.
public struct WebhookSink: AlertSink {
    public let name: String
    public let options: WebhookOptions
    let client: HTTPClient

    public init(name: String = "webhook", options: WebhookOptions, client: HTTPClient) {
        self.name = name
        self.options = options
        self.client = client
    }

    public func deliver(_ alert: Alert) async throws(DeliveryError) {
        var headers: [(String, String)] = [
            ("Content-Type", "application/json"),
            ("User-Agent", "Wirewatch/\(WirewatchVersion.current)"),
        ]
        // Sorted: the same settings give the same request every time.
        for (header, value) in options.headers.sorted(by: { $0.key < $1.key })
        where header.lowercased() != "idempotency-key" {
            headers.append((HeaderText.sanitize(header), HeaderText.sanitize(value)))
        }
        headers.append(("Idempotency-Key", IdempotencyKey.make(for: alert)))
        let request = HTTPDelivery(
            sink: name, url: options.url, headers: headers, body: Array(AlertLine.json(alert).utf8),
            timeout: options.timeout
        )
        try await request.post(with: client)
    }
}

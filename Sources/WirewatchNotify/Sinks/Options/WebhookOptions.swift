/// Settings of a `webhook` sink: the alert JSON POSTed to a URL.
public struct WebhookOptions: Sendable, Hashable {
    public var url: String
    /// Extra request headers (an `Authorization`, say). They may replace `Content-Type`
    /// and `User-Agent`, never `Idempotency-Key`.
    public var headers: [String: String]
    /// The whole request: connect, send, wait for and read the response.
    public var timeout: Duration

    public init(url: String, headers: [String: String] = [:], timeout: Duration = .seconds(10)) {
        self.url = url
        self.headers = headers
        self.timeout = timeout
    }
}

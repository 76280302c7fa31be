/// Settings of an `ntfy` sink: a push notification through an ntfy server.
public struct NtfyOptions: Sendable, Hashable {
    /// The topic URL, e.g. `https://ntfy.sh/my-alerts`.
    public var url: String
    /// A fixed notification title; nil uses the item's title.
    public var title: String?
    /// 1 (min) … 5 (max); nil leaves the server's default (3).
    public var priority: Int?
    /// ntfy tags (emoji short codes such as `newspaper` show as icons).
    public var tags: [String]
    /// An access token, sent as `Authorization: Bearer …`.
    public var token: String?
    public var timeout: Duration

    public init(
        url: String, title: String? = nil, priority: Int? = nil, tags: [String] = [], token: String? = nil,
        timeout: Duration = .seconds(10)
    ) {
        self.url = url
        self.title = title
        self.priority = priority
        self.tags = tags
        self.token = token
        self.timeout = timeout
    }
}

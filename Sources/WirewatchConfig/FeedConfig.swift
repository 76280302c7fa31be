import WirewatchCore

/// One `[[feed]]` of the config.
public struct FeedConfig: Sendable, Equatable {
    /// Short unique name: letters, digits, `-`, `_`, `.`; starts with a letter or digit.
    public var name: String
    /// The `url` exactly as written in the config.
    public var url: String
    /// Where the bytes come from: `url` resolved (relative paths against the config's folder).
    public var source: FeedSource
    /// Tags put on every item of this feed.
    public var tags: [String]
    /// Overrides `[poll] interval` for this feed.
    public var interval: Duration?
    /// Overrides `[poll] min_interval` for this feed.
    public var minInterval: Duration?
    /// Overrides `[poll] max_interval` for this feed.
    public var maxInterval: Duration?
    /// A disabled feed stays in the config (and the archive) but is not polled.
    public var enabled: Bool
    /// `keep`: this feed's retention, overriding `[archive] keep`.
    public var keep: KeepPolicy?
    /// Line of the feed's `[[feed]]` header (or inline table) in the config.
    public var line: Int

    public init(
        name: String, url: String, source: FeedSource, tags: [String] = [],
        interval: Duration? = nil, enabled: Bool = true, keep: KeepPolicy? = nil, line: Int = 0,
        minInterval: Duration? = nil, maxInterval: Duration? = nil
    ) {
        self.minInterval = minInterval
        self.maxInterval = maxInterval
        self.keep = keep
        self.name = name
        self.url = url
        self.source = source
        self.tags = tags
        self.interval = interval
        self.enabled = enabled
        self.line = line
    }
}

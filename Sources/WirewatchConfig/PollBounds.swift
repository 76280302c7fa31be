/// One feed's effective polling bounds: the config's values with every default
/// filled in. The schedule adapts between `minimum` and `maximum`, starting
/// from `interval`.
public struct PollBounds: Sendable, Equatable {
    public var minimum: Duration
    public var interval: Duration
    public var maximum: Duration

    public init(minimum: Duration, interval: Duration, maximum: Duration) {
        self.minimum = minimum
        self.interval = interval
        self.maximum = maximum
    }
}

extension Config {
    /// The feed's own keys, else `[poll]`'s, else defaults that always fit the
    /// interval (a feed polled every 2 minutes gets a 2-minute minimum), so only
    /// values written in the config can conflict, and validation reports those.
    public func pollBounds(for feed: FeedConfig) -> PollBounds {
        Self.pollBounds(feed: feed, poll: poll)
    }

    static func pollBounds(feed: FeedConfig, poll: PollSettings) -> PollBounds {
        let interval = feed.interval ?? poll.interval
        let minimum = feed.minInterval ?? poll.minInterval ?? min(PollSettings.defaultMinInterval, interval)
        let maximum = feed.maxInterval ?? poll.maxInterval ?? max(PollSettings.defaultMaxInterval, interval)
        return PollBounds(minimum: minimum, interval: interval, maximum: maximum)
    }
}

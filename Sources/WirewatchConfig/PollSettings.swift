/// The `[poll]` table: how often and how hard the daemon polls.
public struct PollSettings: Sendable, Equatable {
    /// How long between two polls of a feed, unless the feed sets its own `interval`. At least 1 minute.
    public var interval: Duration
    /// How long one fetch may take before it is abandoned. At least 1 second.
    public var timeout: Duration
    /// How many feeds may be fetched at the same time, 1…256.
    public var concurrency: Int
    /// `per_host`: requests to one host at the same time, 1…16 (default 1).
    public var perHost: Int = 1
    /// `host_delay`: the least time between two requests to one host (default 1 s).
    public var hostDelay: Duration = .seconds(1)
    /// `min_interval`: the adaptive schedule never polls a feed more often than this
    /// (only a server's `Retry-After` can push it further out). Nil: the smaller of
    /// `defaultMinInterval` and the feed's interval.
    public var minInterval: Duration?
    /// `max_interval`: a silent feed drifts out to this, publisher hints are capped by
    /// it, and error backoff stops growing here. Nil: the larger of `defaultMaxInterval`
    /// and the feed's interval.
    public var maxInterval: Duration?
    /// `failing_after`: a feed whose every poll has failed for this long is shown as
    /// failing and polled only every `max_interval` (default 2 days).
    public var failingAfter: Duration = PollSettings.defaultFailingAfter

    public static let defaultInterval: Duration = .seconds(15 * 60)
    public static let defaultTimeout: Duration = .seconds(30)
    public static let defaultConcurrency = 8
    public static let defaultMinInterval: Duration = .seconds(5 * 60)
    public static let defaultMaxInterval: Duration = .seconds(4 * 3600)
    public static let defaultFailingAfter: Duration = .seconds(2 * 86_400)
    /// Below this "failing" would flag feeds on a short outage.
    public static let minimumFailingAfter: Duration = .seconds(3600)

    /// Below this a poll is rude to publishers; feeds rarely change faster.
    public static let minimumInterval: Duration = .seconds(60)
    public static let minimumTimeout: Duration = .seconds(1)
    public static let concurrencyRange = 1...256

    public init(
        interval: Duration = PollSettings.defaultInterval,
        timeout: Duration = PollSettings.defaultTimeout,
        concurrency: Int = PollSettings.defaultConcurrency
    ) {
        self.interval = interval
        self.timeout = timeout
        self.concurrency = concurrency
    }
}

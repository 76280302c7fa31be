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

    public static let defaultInterval: Duration = .seconds(15 * 60)
    public static let defaultTimeout: Duration = .seconds(30)
    public static let defaultConcurrency = 8

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

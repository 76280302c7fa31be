import Foundation
import WirewatchConfig

/// When a feed is next due: pure arithmetic over its bounds, what the feed and
/// the server said, and how it has been failing. No clock and no randomness of
/// its own (`now` and the jitter draw are arguments), so every rule is testable.
///
/// The rules, in order of precedence:
/// - never sooner than `minimum` after a poll; only a server's Retry-After may
///   push a poll later than the bounds allow (up to `retryAfterCap`);
/// - errors back off exponentially from `interval`, doubling, capped at
///   `maximum`; a feed failing for `failingAfter` is polled every `maximum`;
/// - otherwise the interval adapts to the feed's publishing cadence (half the
///   time between items, or half the silence since the last one if longer),
///   raised to the publisher's `<ttl>`, `sy:updatePeriod` and the response's
///   `Cache-Control: max-age`/`Expires`, all clamped to `minimum…maximum`;
/// - `<skipHours>`/`<skipDays>` move the due time to the first allowed hour;
/// - up to `jitter` of the interval is added at random, so feeds that started
///   together drift apart instead of hitting hosts in bursts.
public struct PollPlan: Sendable, Equatable {
    public var minimum: TimeInterval
    public var interval: TimeInterval
    public var maximum: TimeInterval
    public var failingAfter: TimeInterval
    /// A Retry-After further out is taken as this: a bogus header must not
    /// silence a feed for a year.
    public var retryAfterCap: TimeInterval = 7 * 86_400
    /// The largest share of the interval added at random.
    public var jitter = 0.1

    public init(minimum: TimeInterval, interval: TimeInterval, maximum: TimeInterval, failingAfter: TimeInterval) {
        self.minimum = minimum
        self.interval = min(max(interval, minimum), maximum)
        self.maximum = max(maximum, minimum)
        self.failingAfter = failingAfter
    }

    public init(bounds: PollBounds, failingAfter: Duration) {
        self.init(
            minimum: bounds.minimum.seconds, interval: bounds.interval.seconds, maximum: bounds.maximum.seconds,
            failingAfter: failingAfter.seconds
        )
    }

    /// What the publisher and the server said about polling this feed.
    public struct Hints: Sendable, Equatable {
        /// RSS `<ttl>`, minutes.
        public var ttlMinutes: Int?
        /// `sy:updatePeriod`/`sy:updateFrequency`, seconds.
        public var updatePeriod: Double?
        public var skip = SkipWindows(hours: [], days: [])
        /// `Cache-Control: max-age` or `Expires`, as computed by the fetcher.
        public var freshUntil: Date?

        public init(ttlMinutes: Int? = nil, updatePeriod: Double? = nil, skip: SkipWindows = .init(hours: [], days: []), freshUntil: Date? = nil) {
            self.ttlMinutes = ttlMinutes
            self.updatePeriod = updatePeriod
            self.skip = skip
            self.freshUntil = freshUntil
        }
    }

    /// Seconds between polls of a healthy feed, before jitter and skip windows.
    /// - Parameters:
    ///   - cadence: estimated seconds between the feed's items; nil when unknown (then `interval`).
    ///   - silence: seconds since its newest item.
    public func adaptedInterval(cadence: TimeInterval?, silence: TimeInterval?, hints: Hints, now: Date) -> TimeInterval {
        var seconds = cadence.map { max($0, silence ?? 0) / 2 } ?? interval
        if let ttl = hints.ttlMinutes, ttl > 0 { seconds = max(seconds, Double(ttl) * 60) }
        if let period = hints.updatePeriod, period > 0 { seconds = max(seconds, period) }
        if let fresh = hints.freshUntil { seconds = max(seconds, fresh.timeIntervalSince(now)) }
        return clamp(seconds)
    }

    /// The next poll after a successful one at `now`.
    /// - Parameter draw: a random number in 0..<1 (the jitter).
    public func dueAfterSuccess(cadence: TimeInterval?, silence: TimeInterval?, hints: Hints, now: Date, draw: Double) -> Date {
        let seconds = adaptedInterval(cadence: cadence, silence: silence, hints: hints, now: now)
        let allowed = hints.skip.firstAllowed(from: now + seconds)
        // Jitter after the skip, so feeds sharing skipHours do not all wake on
        // the hour; skipped again in case it crossed into a skipped hour.
        return hints.skip.firstAllowed(from: allowed + jitter(seconds, draw))
    }

    /// Seconds to wait after the `errors`-th failure in a row (1 for the first).
    public func backoff(errors: Int, failing: Bool) -> TimeInterval {
        if failing { return maximum }
        let doublings = Double(min(max(errors - 1, 0), 40))
        return clamp(interval * pow(2, doublings))
    }

    /// The next poll after a failed one at `now`; `retryAfter` (429/503) can only make it later.
    public func dueAfterFailure(errors: Int, failing: Bool, retryAfter: Date?, now: Date, draw: Double) -> Date {
        let seconds = backoff(errors: errors, failing: failing)
        let due = now + seconds + jitter(seconds, draw)
        guard let retryAfter else { return due }
        return max(due, min(retryAfter, now + retryAfterCap))
    }

    /// Whether a run of failures that began at `since` has lasted long enough to call the feed failing.
    public func isFailing(since: Date, now: Date) -> Bool {
        now.timeIntervalSince(since) >= failingAfter
    }

    func clamp(_ seconds: TimeInterval) -> TimeInterval {
        min(max(seconds, minimum), maximum)
    }

    func jitter(_ seconds: TimeInterval, _ draw: Double) -> TimeInterval {
        seconds * jitter * min(max(draw, 0), 1)
    }
}

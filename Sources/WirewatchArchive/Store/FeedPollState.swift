import Foundation
import WirewatchCore

/// The scheduler's memory of one feed, persisted in its `feed` row so the
/// schedule, backoff, a server's Retry-After, a 410 and a moved URL all
/// survive restarts. Plain values: the daemon decides, the archive stores.
public struct FeedPollState: Sendable, Hashable {
    public var health: FeedHealth = .ok
    /// One line: why the feed is failing or gone, or where it moved.
    public var detail: String?
    /// When the feed should next be polled; nil: as soon as possible (or never, when gone).
    public var nextDue: Date?
    /// Polls in a row that failed.
    public var consecutiveErrors = 0
    /// When the current run of failures began.
    public var firstFailureAt: Date?
    /// A 429/503's Retry-After: not polled before it.
    public var retryAfterUntil: Date?
    /// The URL polled instead of the config's, after a confirmed permanent redirect.
    public var currentURL: String?
    /// A permanent redirect being confirmed (see PermanentRedirectTracker).
    public var redirectCandidate: String?
    public var redirectFirstSeen: Date?
    public var redirectCount = 0
    /// Estimated seconds between the feed's items.
    public var cadence: Double?
    /// When a poll last brought new items.
    public var lastNewItemAt: Date?
    /// The publisher's hints from the last parsed document, kept because most
    /// polls are 304s without a document: `<ttl>` minutes, `sy:updatePeriod`
    /// seconds, `<skipHours>` (0–23 GMT) and `<skipDays>` (1 = Sunday … 7).
    public var ttlMinutes: Int?
    public var updatePeriod: Double?
    public var skipHours: [Int] = []
    public var skipDays: [Int] = []
    /// When the feed was last polled (read only: `recordFetch` writes it).
    public var lastFetchAt: Date?
    /// The validators the server sent last, byte for byte (read only:
    /// `recordFetch` writes them), read with the state so a poll needs one read.
    public var etag: String?
    public var lastModified: String?

    public init() {}
}

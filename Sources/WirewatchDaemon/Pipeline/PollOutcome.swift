import Foundation
import WirewatchCore

/// What one poll of one feed did.
public struct PollOutcome: Sendable {
    public var feed: String
    /// HTTP status (200 for files), nil when nothing answered.
    public var status: Int?
    public var items: Int
    public var newItems: Int
    /// Alerts raised and committed to the archive, ready for delivery.
    public var alerts: [Alert]
    /// Why the poll failed, one line; nil on success.
    public var error: String?
    /// The feed parsed, but was not well-formed (items were recovered).
    public var warning: String?
    /// Seconds the poll took.
    public var duration: Double
    /// A 200 whose document was byte for byte the last clean one: not parsed
    /// (`UnchangedBodies`).
    public var unchangedBody = false

    /// When the feed is next due, as the scheduler planned it; nil when it is
    /// not to be polled again (gone) or the poll never ran.
    public var nextDue: Date? = nil
    /// The feed's health after this poll.
    public var health: FeedHealth = .ok
    /// Set by the one poll that changed the feed's health (→ failing, → gone,
    /// → moved, failing → ok): the event to log and to route to alert sinks.
    public var healthChange: FeedHealthChange? = nil
    /// When the feed's current run of failed polls began; nil while it is healthy.
    public var failingSince: Date? = nil
    /// Set by the first successful poll after failures: when they began.
    public var recoveredFrom: Date? = nil

    public var failed: Bool { error != nil }
}

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

    public var failed: Bool { error != nil }
}

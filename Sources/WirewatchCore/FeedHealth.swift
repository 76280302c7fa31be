/// Where a feed stands with the scheduler, as `wirewatch status` shows it and
/// the archive keeps it across restarts.
public enum FeedHealth: String, Sendable, Hashable, Codable, CaseIterable {
    /// Polling normally (errors may be backing off, but not for long yet).
    case ok
    /// Every poll has failed for `[poll] failing_after`: kept, polled slowly.
    case failing
    /// HTTP 410 Gone: not polled until the config's URL changes or the user re-enables it.
    case gone
    /// Polling normally at a new URL after a confirmed permanent redirect.
    case moved
}

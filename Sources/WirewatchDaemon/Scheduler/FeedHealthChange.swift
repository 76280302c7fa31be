import Foundation
import WirewatchCore

/// A feed's health changed: ok → failing, → gone, → moved, failing → ok.
/// Produced once per change by the poll that caused it (`PollOutcome.healthChange`),
/// logged as one line, and meant to be routed to alert sinks.
public struct FeedHealthChange: Sendable, Hashable, CustomStringConvertible {
    public var feed: String
    public var from: FeedHealth
    public var to: FeedHealth
    /// One line: the error, the 410's message, or the new URL.
    public var detail: String
    public var at: Date

    public init(feed: String, from: FeedHealth, to: FeedHealth, detail: String, at: Date) {
        self.feed = feed
        self.from = from
        self.to = to
        self.detail = detail
        self.at = at
    }

    /// Getting worse or moving is worth a warning; recovering is news, not trouble.
    public var isWarning: Bool { to != .ok }

    public var description: String { "feed \(feed): \(from.rawValue) → \(to.rawValue): \(detail)" }
}

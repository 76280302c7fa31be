import Foundation
import WirewatchCore

/// What one poll found, as the scheduler sees it: the input of `FeedStateMachine`.
public enum PollResult: Sendable {
    /// A 200 or 304 (or a file read).
    case fetched(Fetched)
    /// Anything else that failed; `retryAfter` from a 429/503's Retry-After.
    case failed(error: String, retryAfter: Date?)
    /// HTTP 410 Gone, with the message to show.
    case gone(String)

    public struct Fetched: Sendable {
        public var newItems: Int
        /// The items' published (else updated) dates, for the cadence.
        public var itemDates: [Date]
        /// The document's channel; nil for a 304 (nothing parsed).
        public var info: FeedInfo?
        /// `Cache-Control: max-age` / `Expires`.
        public var freshUntil: Date?
        /// Where every redirect hop pointed when all were 301/308.
        public var permanentTarget: String?

        public init(
            newItems: Int = 0, itemDates: [Date] = [], info: FeedInfo? = nil, freshUntil: Date? = nil,
            permanentTarget: String? = nil
        ) {
            self.newItems = newItems
            self.itemDates = itemDates
            self.info = info
            self.freshUntil = freshUntil
            self.permanentTarget = permanentTarget
        }
    }
}

/// When a permanent redirect (301/308) may replace a feed's URL: after `polls`
/// consecutive polls redirecting to the same place, spanning at least `span`.
/// Injected into the daemon so tests need not wait a day.
public struct RedirectConfirmation: Sendable, Hashable {
    public var polls: Int
    public var span: TimeInterval

    public init(polls: Int = 3, span: TimeInterval = 86_400) {
        self.polls = polls
        self.span = span
    }
}

import Foundation

/// Decides when a permanent redirect may rewrite a feed's stored URL.
///
/// A single 301 is not proof: misconfigured servers, captive portals and CDN
/// hiccups send them too, and a stored URL changed by mistake is hard to undo.
/// So the new URL is adopted only after `requiredPolls` consecutive polls that
/// all redirect permanently to the same target, spanning at least `requiredSpan`.
/// Any poll that does not redirect there starts the count again.
///
/// A pure value: the daemon keeps one per feed, persists it (it is `Codable`)
/// so confirmations survive restarts, and calls `observe` after each successful
/// fetch (200 or 304) with `FetchResponse.permanentTarget`. Failed fetches should
/// not be observed: they neither confirm nor refute the redirect.
public struct PermanentRedirectTracker: Sendable, Hashable, Codable {
    public enum Decision: Sendable, Hashable {
        /// No permanent redirect pending.
        case none
        /// `count` consecutive polls have seen the same target so far.
        case pending(count: Int)
        /// Adopt `newURL` (already applied to `currentURL`); log it and show it in status.
        case confirmed(newURL: String)
    }

    /// The feed's URL as stored.
    public private(set) var currentURL: String
    /// The permanent target seen on the latest polls, if any.
    public private(set) var candidate: String?
    /// When `candidate` was first seen in the current run of polls.
    public private(set) var firstSeen: Date?
    /// How many consecutive polls have redirected to `candidate`.
    public private(set) var count: Int
    public var requiredPolls: Int
    public var requiredSpan: TimeInterval

    public init(
        currentURL: String, candidate: String? = nil, firstSeen: Date? = nil, count: Int = 0,
        requiredPolls: Int = 3, requiredSpan: TimeInterval = 24 * 3600
    ) {
        self.currentURL = currentURL
        self.candidate = candidate
        self.firstSeen = firstSeen
        self.count = count
        self.requiredPolls = requiredPolls
        self.requiredSpan = requiredSpan
    }

    public mutating func observe(target: String?, at now: Date) -> Decision {
        guard let target, target != currentURL else {
            reset()
            return .none
        }
        if target != candidate || firstSeen == nil {
            candidate = target
            firstSeen = now
            count = 0
        }
        count += 1
        if count >= requiredPolls, let firstSeen, now.timeIntervalSince(firstSeen) >= requiredSpan {
            currentURL = target
            reset()
            return .confirmed(newURL: target)
        }
        return .pending(count: count)
    }

    private mutating func reset() {
        candidate = nil
        firstSeen = nil
        count = 0
    }
}

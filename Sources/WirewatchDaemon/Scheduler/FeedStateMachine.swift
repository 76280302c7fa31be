import Foundation
import WirewatchArchive
import WirewatchCore
import WirewatchFetch

/// Applies one poll's result to a feed's persisted state: the next due time,
/// the error count, health (ok/failing/gone/moved) and redirect confirmation.
/// Pure (the clock and the jitter draw are arguments); the poller persists the
/// state and reports the change, if any.
struct FeedStateMachine: Sendable {
    var feed: String
    /// The `url` of the config: what a moved feed is compared against.
    var configURL: String
    /// Only http(s) feeds can move.
    var followsRedirects: Bool
    var plan: PollPlan
    var redirects: RedirectConfirmation

    /// Returns the health change this poll caused, nil when there was none.
    func apply(_ result: PollResult, to state: inout FeedPollState, now: Date, draw: Double) -> FeedHealthChange? {
        let before = state.health
        var detail: String?
        switch result {
        case .gone(let message):
            state.consecutiveErrors += 1
            if state.firstFailureAt == nil { state.firstFailureAt = now }
            state.health = .gone
            state.detail = message
            state.nextDue = nil
            state.retryAfterUntil = nil
            detail = message

        case .failed(let error, let retryAfter):
            state.consecutiveErrors += 1
            let since = state.firstFailureAt ?? now
            state.firstFailureAt = since
            let failing = plan.isFailing(since: since, now: now)
            if failing, state.health != .failing {
                state.health = .failing
                state.detail = "no successful poll since \(since.formatted(.iso8601)): \(error)"
                detail = state.detail
            }
            let due = plan.dueAfterFailure(
                errors: state.consecutiveErrors, failing: failing, retryAfter: retryAfter, now: now, draw: draw
            )
            state.retryAfterUntil = retryAfter.map { min($0, due) }
            state.nextDue = due

        case .fetched(let fetched):
            state.consecutiveErrors = 0
            state.firstFailureAt = nil
            state.retryAfterUntil = nil
            if before == .failing || before == .gone {
                state.health = state.currentURL == nil ? .ok : .moved
                state.detail = state.currentURL.map { "moved permanently to \($0)" }
                detail = "polled successfully again"
            }
            if let moved = observeRedirect(fetched.permanentTarget, state: &state, now: now) { detail = moved }
            learn(fetched, state: &state, now: now)
            state.nextDue = plan.dueAfterSuccess(
                cadence: state.cadence, silence: state.lastNewItemAt.map { now.timeIntervalSince($0) },
                hints: hints(state, freshUntil: fetched.freshUntil), now: now, draw: draw
            )
        }
        guard let detail, state.health != before || state.health == .moved else { return nil }
        return FeedHealthChange(feed: feed, from: before, to: state.health, detail: detail, at: now)
    }

    /// Feeds the permanent target to `PermanentRedirectTracker`; on confirmation
    /// the feed's URL changes and the returned line says so.
    private func observeRedirect(_ target: String?, state: inout FeedPollState, now: Date) -> String? {
        guard followsRedirects else { return nil }
        let old = state.currentURL ?? configURL
        var tracker = PermanentRedirectTracker(
            currentURL: old, candidate: state.redirectCandidate, firstSeen: state.redirectFirstSeen,
            count: state.redirectCount, requiredPolls: redirects.polls, requiredSpan: redirects.span
        )
        let decision = tracker.observe(target: target, at: now)
        state.redirectCandidate = tracker.candidate
        state.redirectFirstSeen = tracker.firstSeen
        state.redirectCount = tracker.count
        guard case .confirmed(let newURL) = decision else { return nil }
        // Moved back to the config's own URL: nothing to remember.
        state.currentURL = newURL == configURL ? nil : newURL
        state.health = state.currentURL == nil ? .ok : .moved
        state.detail = state.currentURL.map { "moved permanently to \($0)" }
        return "moved permanently: \(old) → \(newURL)"
    }

    /// Cadence, the newest item's time and the publisher's hints, from what this poll saw.
    private func learn(_ fetched: PollResult.Fetched, state: inout FeedPollState, now: Date) {
        if let info = fetched.info {
            state.ttlMinutes = info.ttlMinutes
            state.updatePeriod = info.syndicationPeriod
            state.skipHours = info.skipHours
            state.skipDays = info.skipDays
        }
        if let dated = PublishingCadence.fromDates(fetched.itemDates, now: now) {
            state.cadence = dated.cadence
            state.lastNewItemAt = max(dated.newest, state.lastNewItemAt ?? .distantPast)
        } else if fetched.info != nil || fetched.newItems > 0 {
            state.cadence = PublishingCadence.observed(
                previous: state.cadence, lastNewItemAt: state.lastNewItemAt, newItems: fetched.newItems, now: now
            )
            if fetched.newItems > 0 { state.lastNewItemAt = now }
        }
    }

    private func hints(_ state: FeedPollState, freshUntil: Date?) -> PollPlan.Hints {
        PollPlan.Hints(
            ttlMinutes: state.ttlMinutes, updatePeriod: state.updatePeriod,
            skip: SkipWindows(hours: state.skipHours, days: state.skipDays), freshUntil: freshUntil
        )
    }
}

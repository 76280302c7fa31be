import Foundation
import Testing
import WirewatchArchive
import WirewatchCore
@testable import WirewatchDaemon

/// Health transitions and what they persist, poll by poll, on a made-up clock.
@Suite("Feed state machine")
struct FeedStateMachineTests {
    let start = Date(timeIntervalSince1970: 1_795_687_200)
    let machine = FeedStateMachine(
        feed: "wsws", configURL: "https://old.example.org/rss", followsRedirects: true,
        plan: PollPlan(minimum: 300, interval: 900, maximum: 4 * 3600, failingAfter: 2 * 86_400),
        redirects: RedirectConfirmation(polls: 3, span: 86_400)
    )

    @Test func failingAfterTwoDaysThenBackToOk() {
        var state = FeedPollState()
        var changes: [FeedHealthChange] = []
        var now = start
        // One failure every 4 hours for 52 hours: failing once the run reaches 2 days.
        for _ in 0..<14 {
            if let change = machine.apply(.failed(error: "HTTP 500", retryAfter: nil), to: &state, now: now, draw: 0) {
                changes.append(change)
            }
            now += 4 * 3600
        }
        #expect(changes.map(\.to) == [.failing])
        #expect(changes.first?.at == start + 48 * 3600)
        #expect(state.health == .failing)
        #expect(state.consecutiveErrors == 14)
        #expect(state.firstFailureAt == start)
        // Failing: polled every max_interval.
        #expect(state.nextDue == now - 4 * 3600 + 4 * 3600)

        let recovered = machine.apply(.fetched(.init()), to: &state, now: now, draw: 0)
        #expect(recovered?.from == .failing)
        #expect(recovered?.to == .ok)
        #expect(state.consecutiveErrors == 0)
        #expect(state.firstFailureAt == nil)
    }

    @Test func goneIsFinalAndReportedOnce() {
        var state = FeedPollState()
        let change = machine.apply(.gone("HTTP 410 Gone"), to: &state, now: start, draw: 0)
        #expect(change == FeedHealthChange(feed: "wsws", from: .ok, to: .gone, detail: "HTTP 410 Gone", at: start))
        #expect(state.nextDue == nil)
        #expect(state.health == .gone)
    }

    @Test func retryAfterIsKeptAndScopesTheNextPoll() {
        var state = FeedPollState()
        _ = machine.apply(.failed(error: "HTTP 429", retryAfter: start + 7200), to: &state, now: start, draw: 0)
        #expect(state.nextDue == start + 7200)
        #expect(state.retryAfterUntil == start + 7200)
        #expect(state.health == .ok)
        _ = machine.apply(.fetched(.init()), to: &state, now: start + 7200, draw: 0)
        #expect(state.retryAfterUntil == nil)
    }

    @Test func aPermanentRedirectIsAdoptedOnlyWhenConfirmedOverADay() {
        var state = FeedPollState()
        let moved = PollResult.fetched(.init(permanentTarget: "https://new.example.org/rss"))
        #expect(machine.apply(moved, to: &state, now: start, draw: 0) == nil)
        #expect(machine.apply(moved, to: &state, now: start + 3600, draw: 0) == nil)
        // Three polls but within an hour: not yet.
        #expect(machine.apply(moved, to: &state, now: start + 7200, draw: 0) == nil)
        #expect(state.currentURL == nil)
        // A poll without the redirect starts the count again.
        _ = machine.apply(.fetched(.init()), to: &state, now: start + 10_000, draw: 0)
        #expect(state.redirectCount == 0)
        var changes: [FeedHealthChange] = []
        for hours in stride(from: 0.0, through: 24, by: 12) {
            if let change = machine.apply(moved, to: &state, now: start + 20_000 + hours * 3600, draw: 0) {
                changes.append(change)
            }
        }
        #expect(changes.map(\.to) == [.moved])
        #expect(changes.first?.detail == "moved permanently: https://old.example.org/rss → https://new.example.org/rss")
        #expect(state.currentURL == "https://new.example.org/rss")
        #expect(state.health == .moved)
        // Polling the new URL directly: no redirect, stays moved, no further change.
        #expect(machine.apply(.fetched(.init()), to: &state, now: start + 200_000, draw: 0) == nil)
        #expect(state.health == .moved)
    }

    @Test func publisherHintsAreRememberedAcross304s() {
        var state = FeedPollState()
        var info = FeedInfo(ttlMinutes: 120)
        info.skipDays = [1]
        _ = machine.apply(.fetched(.init(info: info)), to: &state, now: start, draw: 0)
        #expect(state.nextDue == start + 7200)
        // A 304: no document, the remembered ttl still applies.
        _ = machine.apply(.fetched(.init()), to: &state, now: start + 7200, draw: 0)
        #expect(state.nextDue == start + 14_400)
        #expect(state.skipDays == [1])
    }

    @Test func aBusyFeedIsPolledAtTheMinimum() {
        var state = FeedPollState()
        let dates = (0..<10).map { start - Double($0) * 120 }
        _ = machine.apply(.fetched(.init(newItems: 10, itemDates: dates, info: FeedInfo())), to: &state, now: start, draw: 0)
        #expect(state.cadence == 120)
        #expect(state.nextDue == start + 300)
    }
}

import Foundation
import Testing
import WirewatchConfig
@testable import WirewatchDaemon

/// The scheduling arithmetic, without a clock: every case passes `now` and the jitter draw.
@Suite("Poll plan")
struct PollPlanTests {
    // Thursday 2026-11-26 10:00:00 GMT.
    let now = Date(timeIntervalSince1970: 1_795_687_200)
    let plan = PollPlan(minimum: 300, interval: 900, maximum: 4 * 3600, failingAfter: 2 * 86_400)

    func due(_ hints: PollPlan.Hints = .init(), cadence: Double? = nil, silence: Double? = nil, draw: Double = 0) -> TimeInterval {
        plan.dueAfterSuccess(cadence: cadence, silence: silence, hints: hints, now: now, draw: draw).timeIntervalSince(now)
    }

    @Test func withoutInformationTheConfiguredIntervalApplies() {
        #expect(due() == 900)
        // Jitter only ever adds, at most 10 % of the interval.
        #expect(due(draw: 0.5) == 945)
        #expect(due(draw: 1) == 990)
    }

    @Test func adaptsToHowOftenTheFeedPublishesWithinTheBounds() {
        // Every 2 minutes: as often as min_interval allows, never faster.
        #expect(due(cadence: 120, silence: 30) == 300)
        // Hourly: twice an hour.
        #expect(due(cadence: 3600, silence: 600) == 1800)
        // Silent for three days: out to max_interval.
        #expect(due(cadence: 3600, silence: 3 * 86_400) == 4 * 3600)
    }

    @Test func publisherHintsLengthenButStayWithinTheBounds() {
        #expect(due(.init(ttlMinutes: 60)) == 3600)
        #expect(due(.init(updatePeriod: 1800)) == 1800)
        // A hint shorter than the adapted interval changes nothing.
        #expect(due(.init(ttlMinutes: 1)) == 900)
        // A day-long ttl is capped by max_interval.
        #expect(due(.init(ttlMinutes: 1440)) == 4 * 3600)
        #expect(due(.init(ttlMinutes: 60), cadence: 120, silence: 0) == 3600)
    }

    @Test func cacheLifetimeLengthensUpToTheMaximum() {
        #expect(due(.init(freshUntil: now + 2400)) == 2400)
        #expect(due(.init(freshUntil: now + 60)) == 900)
        #expect(due(.init(freshUntil: now + 365 * 86_400)) == 4 * 3600)
    }

    @Test func skipHoursAndDaysMoveToTheFirstAllowedHour() {
        // Due at 10:15; 10 and 11 GMT skipped: 12:00.
        #expect(due(.init(skip: SkipWindows(hours: [10, 11], days: []))) == 2 * 3600)
        // Thursday (5) and Friday (6) skipped: Saturday 00:00.
        #expect(due(.init(skip: SkipWindows(hours: [], days: [5, 6]))) == 14 * 3600 + 86_400)
        // Both: Saturday, and its hour 0 too.
        #expect(due(.init(skip: SkipWindows(hours: [0], days: [5, 6]))) == 15 * 3600 + 86_400)
        // Every hour skipped is nonsense, ignored.
        #expect(due(.init(skip: SkipWindows(hours: Array(0...23), days: []))) == 900)
        // Jitter lands inside the allowed hour.
        #expect(due(.init(skip: SkipWindows(hours: [10, 11], days: [])), draw: 1) == 2 * 3600 + 90)
    }

    @Test func errorsBackOffExponentiallyUpToTheCap() {
        let delays = (1...8).map { plan.backoff(errors: $0, failing: false) }
        #expect(delays == [900, 1800, 3600, 7200, 14_400, 14_400, 14_400, 14_400])
        #expect(plan.backoff(errors: 1, failing: true) == 14_400)
        #expect(plan.backoff(errors: 10_000, failing: false) == 14_400)
    }

    @Test func retryAfterOnlyLengthensAndIsCapped() {
        func due(_ retryAfter: Date?) -> TimeInterval {
            plan.dueAfterFailure(errors: 1, failing: false, retryAfter: retryAfter, now: now, draw: 0).timeIntervalSince(now)
        }
        #expect(due(nil) == 900)
        #expect(due(now + 60) == 900)
        #expect(due(now + 7200) == 7200)
        #expect(due(now + 30 * 86_400) == 7 * 86_400)
    }

    @Test func boundsComeFromTheConfig() {
        let plan = PollPlan(
            bounds: PollBounds(minimum: .seconds(60), interval: .seconds(600), maximum: .seconds(3600)),
            failingAfter: .seconds(86_400)
        )
        #expect(plan == PollPlan(minimum: 60, interval: 600, maximum: 3600, failingAfter: 86_400))
        #expect(plan.isFailing(since: now - 86_400, now: now))
        #expect(!plan.isFailing(since: now - 86_399, now: now))
    }

    @Test func cadenceFromItemDates() throws {
        let dates = (0..<5).map { now - Double($0) * 600 } + [now + 86_400]
        let estimate = try #require(PublishingCadence.fromDates(dates, now: now))
        #expect(estimate.cadence == 600)
        #expect(estimate.newest == now)
        #expect(PublishingCadence.fromDates([now], now: now) == nil)
        // Undated feeds: per new item between polls that found some, smoothed; the first poll only starts the clock.
        #expect(PublishingCadence.observed(previous: nil, lastNewItemAt: nil, newItems: 20, now: now) == nil)
        #expect(PublishingCadence.observed(previous: nil, lastNewItemAt: now - 1200, newItems: 2, now: now) == 600)
        #expect(PublishingCadence.observed(previous: 600, lastNewItemAt: now - 1600, newItems: 1, now: now) == 900)
    }
}

import Foundation
import Testing
import WirewatchFetch

@Suite struct PermanentRedirectTrackerTests {
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    let old = "https://old.example/feed"
    let new = "https://new.example/feed"

    func hours(_ h: Double) -> Date { start + h * 3600 }

    @Test func confirmedAfterThreePollsOverADay() {
        var tracker = PermanentRedirectTracker(currentURL: old)
        #expect(tracker.observe(target: new, at: hours(0)) == .pending(count: 1))
        #expect(tracker.observe(target: new, at: hours(12)) == .pending(count: 2))
        #expect(tracker.observe(target: new, at: hours(24)) == .confirmed(newURL: new))
        #expect(tracker.currentURL == new)
        #expect(tracker.candidate == nil)
        #expect(tracker.observe(target: nil, at: hours(25)) == .none)
    }

    @Test func manyPollsWithinADayAreNotEnough() {
        var tracker = PermanentRedirectTracker(currentURL: old)
        for minute in 0..<60 {
            #expect(tracker.observe(target: new, at: start + Double(minute) * 60) == .pending(count: minute + 1))
        }
        #expect(tracker.currentURL == old)
        #expect(tracker.observe(target: new, at: hours(24)) == .confirmed(newURL: new))
    }

    @Test func aDayWithTooFewPollsIsNotEnough() {
        var tracker = PermanentRedirectTracker(currentURL: old)
        _ = tracker.observe(target: new, at: hours(0))
        #expect(tracker.observe(target: new, at: hours(48)) == .pending(count: 2))
        #expect(tracker.observe(target: new, at: hours(49)) == .confirmed(newURL: new))
    }

    @Test func aPollWithoutTheRedirectResets() {
        var tracker = PermanentRedirectTracker(currentURL: old)
        _ = tracker.observe(target: new, at: hours(0))
        _ = tracker.observe(target: new, at: hours(12))
        #expect(tracker.observe(target: nil, at: hours(18)) == .none)
        #expect(tracker.count == 0)
        #expect(tracker.observe(target: new, at: hours(24)) == .pending(count: 1))
        #expect(tracker.firstSeen == hours(24))
    }

    @Test func aDifferentTargetStartsOver() {
        var tracker = PermanentRedirectTracker(currentURL: old)
        _ = tracker.observe(target: new, at: hours(0))
        _ = tracker.observe(target: new, at: hours(12))
        #expect(tracker.observe(target: "https://other.example/feed", at: hours(24)) == .pending(count: 1))
        #expect(tracker.candidate == "https://other.example/feed")
    }

    @Test func aRedirectToTheCurrentURLIsNoRedirect() {
        var tracker = PermanentRedirectTracker(currentURL: old)
        #expect(tracker.observe(target: old, at: hours(0)) == .none)
    }

    @Test func survivesARestartThroughCodable() throws {
        var tracker = PermanentRedirectTracker(currentURL: old)
        _ = tracker.observe(target: new, at: hours(0))
        _ = tracker.observe(target: new, at: hours(12))
        var restored = try JSONDecoder().decode(
            PermanentRedirectTracker.self, from: JSONEncoder().encode(tracker)
        )
        #expect(restored == tracker)
        #expect(restored.observe(target: new, at: hours(30)) == .confirmed(newURL: new))
    }
}

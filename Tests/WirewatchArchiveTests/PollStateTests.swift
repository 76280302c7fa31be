import Foundation
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Feed poll state")
struct PollStateTests {
    func sample() -> FeedPollState {
        var state = FeedPollState()
        state.health = .moved
        state.detail = "moved permanently to https://new.example.org/rss"
        state.nextDue = Date(timeIntervalSince1970: 2_000_000_000)
        state.consecutiveErrors = 2
        state.firstFailureAt = Date(timeIntervalSince1970: 1_999_000_000)
        state.retryAfterUntil = Date(timeIntervalSince1970: 2_000_000_100)
        state.currentURL = "https://new.example.org/rss"
        state.redirectCandidate = "https://newer.example.org/rss"
        state.redirectFirstSeen = Date(timeIntervalSince1970: 1_999_500_000)
        state.redirectCount = 1
        state.cadence = 600
        state.lastNewItemAt = Date(timeIntervalSince1970: 1_999_900_000)
        state.ttlMinutes = 60
        state.updatePeriod = 1800
        state.skipHours = [0, 1, 23]
        state.skipDays = [1, 7]
        return state
    }

    @Test func survivesReopening() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("a.sqlite")
        let id = try #require(try Archive(path: path).registerFeeds([("wsws", "https://example.org/rss")])["wsws"])
        #expect(try Archive(path: path).pollState(feedID: id) == FeedPollState())
        try Archive(path: path).savePollState(sample(), feedID: id)

        let reopened = try Archive(path: path)
        #expect(try reopened.pollState(feedID: id) == sample())
        #expect(try reopened.pollStates()["wsws"] == sample())
        let status = try #require(try reopened.feedStatuses().first)
        #expect(status.health == .moved)
        #expect(status.currentURL == "https://new.example.org/rss")
        #expect(status.nextDue == sample().nextDue)
        #expect(status.consecutiveErrors == 2)
    }

    @Test func aNewConfigURLOrAResetStartsOver() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("wsws", "https://example.org/rss")])["wsws"])
        try archive.savePollState(sample(), feedID: id)
        // The same URL again (a restart) keeps everything.
        _ = try archive.registerFeeds([("wsws", "https://example.org/rss")])
        #expect(try archive.pollState(feedID: id) == sample())
        _ = try archive.registerFeeds([("wsws", "https://example.org/feed.xml")])
        #expect(try archive.pollState(feedID: id) == FeedPollState())

        try archive.savePollState(sample(), feedID: id)
        #expect(try archive.resetPollState(feed: "wsws"))
        #expect(try archive.pollState(feedID: id) == FeedPollState())
        #expect(try !archive.resetPollState(feed: "nope"))
    }
}

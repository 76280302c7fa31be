import Foundation
import Testing
import WirewatchArchive
import WirewatchCore
import WirewatchTesting
@testable import WirewatchDaemon

@Suite("Ingest queue")
struct IngestQueueTests {
    @Test func aHugePollIsCommittedInPartsAndReportedAsOne() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let feedID = try #require(try archive.registerFeeds([("huge", "https://huge.example.org/rss")])["huge"])
        let count = IngestQueue.maxItemsPerCommit * 2 + 300
        let items = (0..<count).map { n in
            var item = Item()
            item.guid = "huge-\(n)"
            item.title = "Item \(n)"
            item.contentText = "Distinct text \(n) \(n * 7919) \(n * 104_729)"
            return IngestItem(identity: "guid:huge-\(n)", item: item, tags: [], alertRules: n % 1000 == 0 ? ["every-thousandth"] : [])
        }
        let queue = IngestQueue(archive: archive)
        let result = try await queue.ingest(IngestBatch(feedID: feedID, feedName: "huge", items: items))
        #expect(result.newItems == count)
        #expect(result.alerts.count == 3)
        #expect(try archive.itemCount() == count)
        // The same poll again stores nothing.
        let again = try await queue.ingest(IngestBatch(feedID: feedID, feedName: "huge", items: items))
        #expect(again.newItems == 0)
    }

    @Test func oneFailingPollDoesNotFailThePollsThatShareItsCommit() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let feedID = try #require(try archive.registerFeeds([("good", "https://good.example.org/rss")])["good"])
        func batch(feed: Int64, name: String) -> IngestBatch {
            var item = Item()
            item.guid = "\(name)-1"
            item.title = "An item of \(name)"
            item.contentText = "Text of the one item of \(name), long enough to be a story of its own."
            return IngestBatch(feedID: feed, feedName: name, items: [
                IngestItem(identity: "guid:\(name)-1", item: item, tags: [], alertRules: []),
            ])
        }
        let queue = IngestQueue(archive: archive)
        // Feed 999 has no row: its items break a foreign key, and whichever
        // group it lands in is retried job by job.
        async let bad: Bool = {
            do {
                _ = try await queue.ingest(batch(feed: 999, name: "ghost"))
                return false
            } catch {
                return true
            }
        }()
        async let good = queue.ingest(batch(feed: feedID, name: "good"))
        let state = {
            var state = FeedPollState()
            state.nextDue = Date(timeIntervalSince1970: 2_000_000_000)
            return state
        }()
        async let recorded: Void = queue.record(
            FetchRecord(feedID: feedID, at: Date(), status: 200, error: nil, items: 1, newItems: 1, etag: "\"v1\""),
            state: state
        )
        #expect(try await good.newItems == 1)
        try await recorded
        #expect(await bad, "the ghost feed's batch fails on its own")
        #expect(try archive.itemCount() == 1)
        let stored = try archive.pollState(feedID: feedID)
        #expect(stored.nextDue == state.nextDue)
        #expect(stored.etag == "\"v1\"")
    }
}

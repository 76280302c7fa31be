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
}

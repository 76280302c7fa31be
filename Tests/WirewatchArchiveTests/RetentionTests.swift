import Foundation
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Retention")
struct RetentionTests {
    @Test func keepsNewestItemsAndAlertedOnesAndNeverReaddsPruned() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
        let items = (1...10).map { n in entry("\(n)", title: "Item \(n)", text: article(n), alerts: n == 2 ? ["r"] : []) }
        _ = try archive.ingest(feedID: id, feedName: "f", items: items)
        let removed = try archive.prune(policies: ["f": RetentionPolicy(maxItems: 3)])
        #expect(removed == 6)  // 10 - 3 newest - 1 alerted
        #expect(try archive.itemCount() == 4)
        #expect(try archive.search(SearchRequest(condition: .word("item", field: .title))).count == 4)

        // The feed still lists everything: pruned items must not come back as new.
        let again = try archive.ingest(feedID: id, feedName: "f", items: items)
        #expect(again.newItems == 0)
        #expect(again.alerts.isEmpty)
    }

    @Test func pinnedItemsAreKept() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
        _ = try archive.ingest(feedID: id, feedName: "f", items: (1...5).map { entry("\($0)", title: "Item \($0)", text: article($0)) })
        let first = try #require(try archive.search(SearchRequest(condition: .word("1", field: .title))).first)
        #expect(try archive.setPinned(true, item: first.item.id))
        #expect(try archive.setPinned(true, item: 999) == false)
        #expect(try archive.prune(policies: ["f": RetentionPolicy(maxItems: 1)]) == 3)
        #expect(try archive.item(id: first.item.id) != nil)
    }

    @Test func prunesByAge() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
        let now = Date()
        _ = try archive.ingest(feedID: id, feedName: "f", items: [entry("old", title: "Old", text: "a")], at: now.addingTimeInterval(-40 * 86_400))
        _ = try archive.ingest(feedID: id, feedName: "f", items: [entry("new", title: "New", text: "b")], at: now)
        #expect(try archive.prune(policies: ["f": RetentionPolicy(maxAge: 30 * 86_400)], now: now) == 1)
        #expect(try archive.stories().map(\.title) == ["New"])
    }
}

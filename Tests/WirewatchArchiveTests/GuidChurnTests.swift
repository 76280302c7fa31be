import Foundation
import GRDB
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

/// Feeds whose publishing system mints a new guid on every fetch.
@Suite("Guid churn")
struct GuidChurnTests {
    @Test func anArticleUnderANewGuidIsTheSameItem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("churn", "u")])["churn"])
        let link = "https://outlet.example/2026/11/20/council-vote?utm_source=rss"
        let first = try archive.ingest(feedID: id, feedName: "churn", items: [
            entry("7391", title: "Council vote", text: article(60), link: link, alerts: ["council"]),
        ])
        #expect(first.newItems == 1)
        #expect(first.alerts.count == 1)
        for guid in ["8812", "9904"] {
            let again = try archive.ingest(feedID: id, feedName: "churn", items: [
                entry(guid, title: "Council vote", text: article(60), link: link, alerts: ["council"]),
            ])
            #expect(again.newItems == 0)
            #expect(again.alerts.isEmpty)
        }
        let identities = try archive.read { db in try String.fetchAll(db, sql: "SELECT identity FROM item") }
        #expect(identities == ["guid:9904"])
    }

    /// Two items of one document with the same link and text are two items.
    @Test func anItemTheDocumentStillListsIsNotTakenOver() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
        let link = "https://outlet.example/live"
        _ = try archive.ingest(feedID: id, feedName: "f", items: [entry("1", title: "Live", text: article(61), link: link)])
        let both = try archive.ingest(feedID: id, feedName: "f", items: [
            entry("1", title: "Live", text: article(61), link: link),
            entry("2", title: "Live", text: article(61), link: link),
        ])
        #expect(both.newItems == 1)
    }

    /// A new guid with new text is a new item (of the same story: same link).
    @Test func aNewGuidWithNewTextIsANewItem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
        let link = "https://outlet.example/2026/11/20/budget"
        _ = try archive.ingest(feedID: id, feedName: "f", items: [entry("1", title: "Budget", text: article(62), link: link)])
        let next = try archive.ingest(feedID: id, feedName: "f", items: [
            entry("2", title: "Budget passes", text: article(63), link: link),
        ])
        #expect(next.newItems == 1)
        #expect(try archive.stories().count == 1)
    }
}

import Foundation
import GRDB
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

/// A document that lists one article twice (a "featured" copy with a shorter
/// text, a CMS that repeats an item) under one identity.
@Suite("An item listed twice in one document")
struct RepeatedItemTests {
    @Test func isStoredOnceAndNeverFlipsBetweenItsTwoTexts() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("a", "u")])["a"])
        func poll() throws -> IngestResult {
            let batch = IngestBatch(feedID: id, feedName: "a", items: [
                entry("1", title: "Nurses vote to strike", text: article(5), onUpdate: ["edits"]),
                entry("1", title: "Nurses vote to strike", text: String(article(5).prefix(200)), onUpdate: ["edits"]),
            ])
            return try archive.ingest([try archive.prepare(batch)])[0]
        }
        let first = try poll()
        #expect(first.newItems == 1)
        #expect(first.updatedItems == 0)
        // Before: every poll stored the other text as an edit, a revision and an
        // `on_update` alert each time.
        for _ in 0..<3 {
            let again = try poll()
            #expect(again.newItems == 0)
            #expect(again.updatedItems == 0)
            #expect(again.alerts.isEmpty)
        }
        let revisions = try archive.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item_revision") }
        #expect(revisions == 0)
        let text = try archive.pool.read { db in try String.fetchOne(db, sql: "SELECT text FROM item") }
        #expect(text == article(5))  // the first listing's
    }

    @Test func theWriterTakesTheFirstListingAlsoWithoutPrepare() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("a", "u")])["a"])
        let result = try archive.ingest(feedID: id, feedName: "a", items: [
            entry("1", title: "Port workers walk out", text: article(8)),
            entry("1", title: "Port workers walk out", text: "A shorter text."),
        ])
        #expect(result.newItems == 1)
        #expect(result.updatedItems == 0)
        #expect(try archive.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item_revision") } == 0)
    }
}

import Foundation
import GRDB
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

/// The full-text writes of a transaction are applied at its end in rowid order
/// (SearchIndexWrites).
@Suite("Search index writes")
struct SearchIndexWriteTests {
    /// Edits of old items and new items in one group commit, one item edited
    /// twice: the index holds exactly the current text of every item.
    @Test func editsAndNewItemsInOneCommitLeaveACorrectIndex() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let ids = try archive.registerFeeds([("a", "u1"), ("b", "u2")])
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [
            entry("1", title: "Council vote", text: article(1) + " alderman"),
            entry("2", title: "Harbor strike", text: article(2) + " longshore"),
        ])
        let results = try archive.ingest([
            IngestBatch(feedID: ids["b"]!, feedName: "b", items: [entry("3", title: "Library hours", text: article(3))]),
            IngestBatch(feedID: ids["a"]!, feedName: "a", items: [
                entry("2", title: "Harbor strike ends", text: article(2) + " stevedore"),
                entry("1", title: "Council vote delayed", text: article(1) + " quorum"),
            ]),
            IngestBatch(feedID: ids["a"]!, feedName: "a", items: [
                entry("2", title: "Harbor strike ends", text: article(2) + " wharfinger"),
            ]),
        ])
        #expect(results.map(\.updatedItems) == [0, 2, 1])
        func count(_ word: String) throws -> Int {
            try archive.search(SearchRequest(condition: .word(word, field: nil))).count
        }
        #expect(try count("alderman") == 0)
        #expect(try count("quorum") == 1)
        #expect(try count("longshore") == 0)
        #expect(try count("stevedore") == 0)
        #expect(try count("wharfinger") == 1)
        #expect(try archive.search(SearchRequest(condition: .word("library", field: .title))).count == 1)
        // FTS5's own check of the index against the item table.
        try archive.pool.write { db in
            try db.execute(sql: "INSERT INTO item_fts (item_fts, rank) VALUES ('integrity-check', 1)")
        }
    }
}

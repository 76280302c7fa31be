import Foundation
import GRDB
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Story-key filter saved across restarts")
struct SavedStoryFilterTests {
    /// Saved when stopping, taken on the next start instead of reading every key,
    /// and it still finds the earlier items, whose keys were still waiting in
    /// memory: a copy joins their story.
    @Test func aSavedFilterIsTakenAndStillFindsEveryStory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("a.sqlite")
        do {
            let archive = try Archive(path: path)
            let ids = try archive.registerFeeds([("a", "u1"), ("b", "u2")])
            _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: (0..<5).map {
                entry("a\($0)", title: "Story \($0)", text: article(70 + $0))
            })
            // Keys still waiting in memory: recomputed on open, on top of the saved bits.
            try archive.saveStoryFilter()
        }
        let reopened = try Archive(path: path)
        let restored = try reopened.pool.write { db in try StoryKeyTables.restoreFilter(reopened.storyKeys, db) }
        #expect(restored)
        let ids = try reopened.registerFeeds([("a", "u1"), ("b", "u2")])
        _ = try reopened.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("b1", title: "Story 3", text: "Republished from A. " + article(73)),
        ])
        let stories = try reopened.stories()
        #expect(stories.count == 5)
        #expect(stories.contains { $0.feedCount == 2 })
    }

    /// Keys written to the tables after the filter was saved (a run that stopped
    /// without saving it, a crash) make it stale: it is dropped and rebuilt.
    @Test func aStaleFilterIsRebuilt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("a.sqlite")
        do {
            let archive = try Archive(path: path)
            let id = try #require(try archive.registerFeeds([("a", "u1")])["a"])
            _ = try archive.ingest(feedID: id, feedName: "a", items: [entry("1", title: "One", text: article(80))])
            try archive.flushStoryKeys()
            try archive.saveStoryFilter()
            _ = try archive.ingest(feedID: id, feedName: "a", items: [entry("2", title: "Two", text: article(81))])
            try archive.flushStoryKeys()
        }
        let reopened = try Archive(path: path)
        let restored = try reopened.pool.write { db in try StoryKeyTables.restoreFilter(reopened.storyKeys, db) }
        #expect(!restored)
        let left = try reopened.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM archive_state WHERE name LIKE 'story_filter%'")
        }
        #expect(left == 0)
        // The rebuilt filter finds the item stored after the save.
        let id = try #require(try reopened.registerFeeds([("a", "u1"), ("b", "u2")])["b"])
        _ = try reopened.ingest(feedID: id, feedName: "b", items: [entry("b", title: "Two", text: "Via A. " + article(81))])
        #expect(try reopened.stories().count == 2)
    }
}

import Foundation
import GRDB
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("One story-key filter per table")
struct StoryKeyPerTableFilterTests {
    /// After a rotation an old item's keys are looked for in the table that went
    /// out of turn only, a new item's in the current and recent tables only.
    @Test func aKeyIsLookedForOnlyWhereItMayBe() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (archive, ids, window) = try windowedArchive(dir)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let old = entry("a1", title: "Nurses vote to strike", text: article(31))
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [old], at: start)
        try archive.flushStoryKeys()
        let later = start.addingTimeInterval(window / 2 + 1)
        let new = entry("a2", title: "Port workers walk out", text: article(32))
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [new], at: later)
        let (oldProbe, newProbe, absent) = try archive.pool.write { db in
            let tables = try StoryKeyTables.prepare(db, now: later.timeIntervalSince1970, window: window, index: archive.storyKeys)
            return (try tables.probe(old.storyKeys), try tables.probe(new.storyKeys), try tables.probe(entry("c", title: "Other", text: article(33)).storyKeys))
        }
        #expect(Set(oldProbe.other) == Set(old.storyKeys))
        #expect(oldProbe.current.count <= 1)  // a false positive at most
        #expect(Set(newProbe.current) == Set(new.storyKeys))
        #expect(newProbe.other.count <= 1)
        #expect(absent.current.count + absent.other.count <= 1)
    }

    /// Keys still waiting in memory when the tables rotate go to the new current
    /// table: its filter takes them, and a copy still finds their item.
    @Test func keysWaitingInMemoryAtARotationAreStillFound() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (archive, ids, window) = try windowedArchive(dir)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a0", title: "Transit fares rise", text: article(40))], at: start)
        // Not flushed: a1's keys wait in memory through the rotation.
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a1", title: "Nurses vote to strike", text: article(41))], at: start.addingTimeInterval(60))
        let later = start.addingTimeInterval(window / 2 + 1)
        _ = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("b1", title: "Nurses vote to strike", text: "Republished. " + article(41)),
        ], at: later)
        try archive.flushStoryKeys()
        _ = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("b2", title: "Nurses vote to strike", text: "Also republished. " + article(41)),
        ], at: later.addingTimeInterval(60))
        let stories = try archive.stories()
        #expect(stories.count == 2)
        #expect(stories.contains { $0.itemCount == 3 && $0.feedCount == 2 })
    }

    /// A filter saved by an earlier version (one filter for all tables, its bits
    /// laid out otherwise) is not taken: both filters are rebuilt.
    @Test func aFilterSavedInTheEarlierLayoutIsRebuilt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("a.sqlite")
        do {
            let archive = try Archive(path: path)
            let id = try #require(try archive.registerFeeds([("a", "u1")])["a"])
            _ = try archive.ingest(feedID: id, feedName: "a", items: [entry("1", title: "One", text: article(50))])
            try archive.flushStoryKeys()
            // What the earlier version saved: one filter, with no layout row.
            try archive.pool.write { db in
                let since = try StoryKeyTables.currentSince(db)
                let through = try StoryKeyTables.watermark(db)
                try db.execute(sql: "DELETE FROM archive_state WHERE name LIKE 'story_filter%'")
                try db.execute(
                    sql: """
                        INSERT INTO archive_state (name, value)
                        VALUES ('story_filter_through', ?), ('story_filter_since', ?),
                               ('story_filter_capacity', 65536), ('story_filter_count', 45),
                               ('story_filter.0000', zeroblob(65536))
                        """,
                    arguments: [through, since]
                )
            }
        }
        let reopened = try Archive(path: path)
        let restored = try reopened.pool.write { db in try StoryKeyTables.restoreFilter(reopened.storyKeys, db) }
        #expect(!restored)
        let id = try #require(try reopened.registerFeeds([("a", "u1"), ("b", "u2")])["b"])
        _ = try reopened.ingest(feedID: id, feedName: "b", items: [entry("b", title: "One", text: "Via A. " + article(50))])
        #expect(try reopened.stories().count == 1)
    }
}

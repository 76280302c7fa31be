import Foundation
import GRDB
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Story keys go through the recent table")
struct StoryKeyRecentTableTests {
    /// Rows of the current generation's small and big tables, and of the other generation's.
    private func counts(_ archive: Archive) throws -> (recent: Int, current: Int, otherRecent: Int, other: Int) {
        try archive.pool.read { db in
            let current = try Int.fetchOne(db, sql: "SELECT value FROM archive_state WHERE name = 'story_keys_current'") ?? 0
            func count(_ table: String) throws -> Int { try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
            return (try count("story_key_recent_\(current)"), try count("story_key_\(current)"),
                    try count("story_key_recent_\(1 - current)"), try count("story_key_\(1 - current)"))
        }
    }

    @Test func enoughBatchesAreMergedIntoTheCurrentTable() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        archive.storyKeys.mergeItems.store(2, ordering: .relaxed)
        let ids = try archive.registerFeeds([("a", "u1"), ("b", "u2")])
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a1", title: "Nurses vote to strike", text: article(11))])
        try archive.flushStoryKeys()
        let first = try counts(archive)
        #expect(first.recent > 20)
        #expect(first.current == 0)

        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a2", title: "Port workers walk out", text: article(12))])
        try archive.flushStoryKeys()
        let merged = try counts(archive)
        #expect(merged.recent == 0)
        #expect(merged.current > first.recent)

        // A copy of either article, from the other feed, still finds its story.
        let fresh = try Archive(path: dir.file("a.sqlite"))
        _ = try fresh.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("b1", title: "Nurses vote to strike", text: "Republished. " + article(11)),
        ])
        let stories = try fresh.stories()
        #expect(stories.count == 2)
        #expect(stories.contains { $0.feedCount == 2 })
    }

    @Test func rotationLeavesTheOutgoingGenerationsKeysWhereTheyAre() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (archive, ids, window) = try windowedArchive(dir)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a1", title: "Nurses vote to strike", text: article(21))], at: start)
        try archive.flushStoryKeys()
        #expect(try counts(archive).recent > 20)

        // Half a window later the other generation becomes current: the first
        // item's keys stay findable, in the small table of the one that went out
        // of turn, copied nowhere.
        let later = start.addingTimeInterval(window / 2 + 1)
        _ = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("b1", title: "Nurses vote to strike", text: "Republished. " + article(21)),
        ], at: later)
        let rotated = try counts(archive)
        #expect(rotated.recent == 0)
        #expect(rotated.current == 0)
        #expect(rotated.otherRecent > 20)
        #expect(rotated.other == 0)
        let stories = try archive.stories()
        #expect(stories.count == 1)
        #expect(stories.first?.feedCount == 2)
    }
}

@Suite("Story-key migration to a small table per generation")
struct StoryKeyGenerationMigrationTests {
    @Test func waitingKeysMoveToTheirGenerationsTable() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("old.sqlite")
        let old = try DatabaseQueueForTests(path: path)
        try old.migrateToV10WithRecentKeys([(11, 1), (12, 1), (13, 2)])
        try old.queue.close()

        let archive = try Archive(path: path)
        let (zero, one) = try archive.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM story_key_recent_0") ?? 0,
             try Int64.fetchAll(db, sql: "SELECT key FROM story_key_recent_1 ORDER BY key"))
        }
        #expect(zero == 0)
        #expect(one == [11, 12, 13])
    }
}

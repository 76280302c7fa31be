import Foundation
import GRDB
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Story keys go through the recent table")
struct StoryKeyRecentTableTests {
    /// Rows of the recent table, of the table taking new keys, and of the other one.
    private func counts(_ archive: Archive) throws -> (recent: Int, current: Int, other: Int) {
        try archive.pool.read { db in
            let current = try Int.fetchOne(db, sql: "SELECT value FROM archive_state WHERE name = 'story_keys_current'") ?? 0
            return (try Int.fetchOne(db, sql: "SELECT count(*) FROM story_key_recent") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM story_key_\(current)") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM story_key_\(1 - current)") ?? 0)
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

    @Test func rotationMergesTheRecentKeysIntoTheTableGoingOutOfTurn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (archive, ids, window) = try windowedArchive(dir)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a1", title: "Nurses vote to strike", text: article(21))], at: start)
        try archive.flushStoryKeys()
        #expect(try counts(archive).recent > 20)

        // Half a window later the other table becomes current: the first item's
        // keys stay findable, now in the table that went out of turn.
        let later = start.addingTimeInterval(window / 2 + 1)
        _ = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("b1", title: "Nurses vote to strike", text: "Republished. " + article(21)),
        ], at: later)
        let rotated = try counts(archive)
        #expect(rotated.recent == 0)
        #expect(rotated.current == 0)
        #expect(rotated.other > 20)
        let stories = try archive.stories()
        #expect(stories.count == 1)
        #expect(stories.first?.feedCount == 2)
    }
}

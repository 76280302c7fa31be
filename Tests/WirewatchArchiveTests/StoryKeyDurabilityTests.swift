import Foundation
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Story keys survive a restart")
struct StoryKeyDurabilityTests {
    @Test func keysWaitingInMemoryAreReplayedOnOpen() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("a.sqlite")
        let text = article(42)
        do {
            // Fewer items than the flush threshold: their keys are only in memory
            // when this archive goes away, as after a crash.
            let archive = try Archive(path: path)
            let ids = try archive.registerFeeds([("a", "u1"), ("b", "u2")])
            _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a1", title: "Picket at the plant", text: text)])
            #expect(try archive.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM story_key_0") } == 0)
        }
        let reopened = try Archive(path: path)
        let ids = try reopened.registerFeeds([("a", "u1"), ("b", "u2")])
        _ = try reopened.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("b1", title: "Picket at the plant", text: "First published by A. " + text),
        ])
        let stories = try reopened.stories()
        #expect(stories.count == 1)
        #expect(stories.first?.feedCount == 2)
    }

    @Test func flushWritesKeysAndMovesTheWatermark() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("a", "u")])["a"])
        _ = try archive.ingest(feedID: id, feedName: "a", items: [entry("1", title: "Nurses vote", text: article(7))])
        try archive.flushStoryKeys()
        let (keys, watermark) = try archive.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM story_key_recent_0") ?? 0,
             try StoryKeyTables.watermark(db))
        }
        #expect(keys > 20)
        #expect(watermark == 1)
    }
}

@Suite("Readers and the writer at the same time")
struct ConcurrentAccessTests {
    @Test func searchesWhileTheWriterIngests() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("a.sqlite")
        let writer = try Archive(path: path)
        let feedID = try #require(try writer.registerFeeds([("f", "u")])["f"])
        _ = try writer.ingest(feedID: feedID, feedName: "f", items: [entry("seed", title: "Seed item", text: article(1))])
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for batch in 0..<40 {
                    let items = (0..<10).map { n in entry("b\(batch)-\(n)", title: "Union strike update \(batch)", text: article(batch * 10 + n)) }
                    _ = try writer.ingest(feedID: feedID, feedName: "f", items: items)
                }
                return 0
            }
            for _ in 0..<2 {
                group.addTask {
                    // A separate connection pool, as `wirewatch search` and `tail` in another process.
                    let reader = try Archive(existingAt: path)
                    var seen = 0
                    for _ in 0..<60 {
                        seen = max(seen, try reader.search(SearchRequest(condition: .word("union", field: .title))).count)
                        _ = try reader.latestAlerts(limit: 5)
                        _ = try reader.stories(limit: 5)
                    }
                    return seen
                }
            }
            for try await _ in group {}
        }
        #expect(try writer.itemCount() == 401)
    }
}

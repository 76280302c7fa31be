import Foundation
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Story-key tables rotate")
struct StoryKeyRotationTests {
    /// Opening an archive stamps the rotation time with the clock; items given
    /// earlier times after that (the archive benchmark, a clock set back) still
    /// rotate the tables every half window, so keys older than the window go.
    @Test func itemsDatedBeforeTheOpenStillRotateTheTables() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (archive, ids, window) = try windowedArchive(dir)
        let start = Date().addingTimeInterval(-30 * 86_400)
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a1", title: "Nurses vote to strike", text: article(61))], at: start)
        // Written to the tables at that time (`flushStoryKeys` would date it now).
        _ = try archive.writeWithStoryKeys(now: start, forceFlush: true) { _, _ in () }
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a2", title: "Port workers walk out", text: article(62))], at: start.addingTimeInterval(window / 2 + 1))
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a3", title: "Transit fares rise", text: article(63))], at: start.addingTimeInterval(window + 2))
        let keys = try archive.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM story_key_0") ?? 0) + (try Int.fetchOne(db, sql: "SELECT count(*) FROM story_key_1") ?? 0)
                + (try Int.fetchOne(db, sql: "SELECT count(*) FROM story_key_recent_0") ?? 0)
                + (try Int.fetchOne(db, sql: "SELECT count(*) FROM story_key_recent_1") ?? 0)
        }
        #expect(keys == 0)  // a1's keys went with the second rotation; a2's and a3's wait in memory
        // A copy of a1, more than a window later, is a story of its own.
        _ = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("b1", title: "Nurses vote to strike", text: "Republished. " + article(61)),
        ], at: start.addingTimeInterval(window + 3))
        #expect(try archive.stories().count == 4)
    }
}

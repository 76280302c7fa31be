import Foundation
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Archive ingest")
struct ArchiveIngestTests {
    func batch(_ ids: [String], alert: String? = nil) -> [IngestItem] {
        ids.map { id in
            IngestItem(
                identity: "guid:" + id,
                item: Item(guid: id, link: "https://example.org/" + id, title: "Story " + id, contentText: "text of " + id),
                tags: ["left"],
                alertRules: alert.map { [$0] } ?? []
            )
        }
    }

    @Test func storesNewItemsOnceAndAlertsOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let ids = try archive.registerFeeds([("wsws", "https://example.org/rss")])
        let feedID = try #require(ids["wsws"])

        let first = try archive.ingest(feedID: feedID, feedName: "wsws", items: batch(["1", "2"], alert: "strike"))
        #expect(first.newItems == 2)
        #expect(first.alerts.map(\.rule) == ["strike", "strike"])
        #expect(first.alerts.map(\.title) == ["Story 1", "Story 2"])

        let second = try archive.ingest(feedID: feedID, feedName: "wsws", items: batch(["1", "2", "3"], alert: "strike"))
        #expect(second.newItems == 1)
        #expect(second.alerts.map(\.title) == ["Story 3"])
        #expect(try archive.itemCount() == 3)
    }

    @Test func dedupSurvivesReopening() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("a.sqlite")
        do {
            let archive = try Archive(path: path)
            let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
            _ = try archive.ingest(feedID: id, feedName: "f", items: batch(["x"], alert: "r"))
        }
        let reopened = try Archive(path: path)
        let id = try #require(try reopened.registerFeeds([("f", "u")])["f"])
        let again = try reopened.ingest(feedID: id, feedName: "f", items: batch(["x"], alert: "r"))
        #expect(again.newItems == 0)
        #expect(again.alerts.isEmpty)
        #expect(try reopened.latestAlerts(limit: 10).count == 1)
    }

    /// Renaming a feed in the config keeps its archive: the same row, so its items
    /// are not stored again; a new feed at another URL gets a row of its own.
    @Test func aRenamedFeedKeepsItsItems() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let first = try archive.registerFeeds([("old", "u1"), ("other", "u2")])
        _ = try archive.ingest(feedID: first["old"]!, feedName: "old", items: batch(["x"]))
        let renamed = try archive.registerFeeds([("new", "u1"), ("other", "u2"), ("third", "u3")])
        #expect(renamed["new"] == first["old"])
        #expect(renamed["other"] == first["other"])
        #expect(renamed["third"] != nil && renamed["third"] != first["old"])
        let again = try archive.ingest(feedID: renamed["new"]!, feedName: "new", items: batch(["x"]))
        #expect(again.newItems == 0)
        // Both names configured: the old one keeps its row, the new name gets one.
        let both = try archive.registerFeeds([("new", "u1"), ("copy", "u1")])
        #expect(both["new"] == first["old"])
        #expect(both["copy"] != first["old"])
    }

    @Test func sameIdentityInTwoFeedsIsTwoItems() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let ids = try archive.registerFeeds([("a", "u1"), ("b", "u2")])
        let a = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: batch(["1"]))
        let b = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: batch(["1"]))
        #expect(a.newItems == 1 && b.newItems == 1)
    }

    @Test func duplicateWithinOneBatchIsStoredOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
        let result = try archive.ingest(feedID: id, feedName: "f", items: batch(["1", "1"], alert: "r"))
        #expect(result.newItems == 1)
        #expect(result.alerts.count == 1)
    }

    @Test func tailReadsLatestOldestFirstAndFollows() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
        _ = try archive.ingest(feedID: id, feedName: "f", items: batch(["1", "2", "3"], alert: "r"))
        let latest = try archive.latestAlerts(limit: 2)
        #expect(latest.map(\.title) == ["Story 2", "Story 3"])
        _ = try archive.ingest(feedID: id, feedName: "f", items: batch(["4"], alert: "r"))
        let newer = try archive.alerts(after: latest.last!.id)
        #expect(newer.map(\.title) == ["Story 4"])
    }

    @Test func refusesAnArchiveFromANewerVersion() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("a.sqlite")
        do {
            let archive = try Archive(path: path)
            try archive.pool.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
            }
        }
        #expect {
            _ = try Archive(path: path)
        } throws: { error in
            "\(error)".contains("newer Wirewatch")
        }
    }

    @Test func recordsFetchState() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        try archive.recordFetch(FetchRecord(feedID: id, at: at, status: 200, error: nil, items: 3, newItems: 3))
        #expect(try archive.lastFetchTimes()["f"] == at)
    }

    @Test func readerWithoutArchiveGetsAClearError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect {
            _ = try Archive(existingAt: dir.file("missing.sqlite"))
        } throws: { error in
            "\(error)".contains("no archive here yet")
        }
    }
}

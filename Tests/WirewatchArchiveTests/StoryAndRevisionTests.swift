import Foundation
import GRDB
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Stories and revisions")
struct StoryAndRevisionTests {
    @Test func republishedArticleIsOneStoryWithTwoSources() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let ids = try archive.registerFeeds([("left", "u1"), ("local", "u2")])
        let text = article(1)
        _ = try archive.ingest(feedID: ids["left"]!, feedName: "left", items: [entry("a1", title: "Nurses vote to strike", text: text)])
        _ = try archive.ingest(feedID: ids["local"]!, feedName: "local", items: [
            entry("b1", title: "Nurses vote to strike at two hospitals", text: "Editor's note: first published by Left. " + text),
            entry("b2", title: "Transit drivers rally downtown", text: article(2)),
        ])
        let stories = try archive.stories()
        #expect(stories.count == 2)
        let strike = try #require(stories.first { $0.title == "Nurses vote to strike" })
        #expect(strike.feedCount == 2)
        #expect(strike.itemCount == 2)
        #expect(strike.sources.map(\.feed) == ["left", "local"])
    }

    @Test func sameCanonicalLinkIsOneStory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let ids = try archive.registerFeeds([("a", "u1"), ("b", "u2")])
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [
            entry("x", title: "One", text: "short", link: "https://news.example.org/story?utm_source=a"),
        ])
        _ = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("y", title: "Different headline", text: "other words", link: "https://NEWS.example.org/story#top"),
        ])
        #expect(try archive.stories().count == 1)
    }

    @Test func editedItemKeepsItsOldTextAndDoesNotAlertAgain() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
        let first = try archive.ingest(feedID: id, feedName: "f", items: [
            entry("1", title: "Strike vote set", text: article(3), alerts: ["strike"]),
        ])
        #expect(first.alerts.count == 1)
        let same = try archive.ingest(feedID: id, feedName: "f", items: [
            entry("1", title: "Strike vote set", text: article(3), alerts: ["strike"]),
        ])
        #expect(same.updatedItems == 0)
        let edited = try archive.ingest(feedID: id, feedName: "f", items: [
            entry("1", title: "Strike vote set for Friday (updated)", text: article(3) + " Update: the vote moved.", alerts: ["strike"]),
        ])
        #expect(edited.newItems == 0)
        #expect(edited.updatedItems == 1)
        #expect(edited.alerts.isEmpty)
        let detail = try #require(try archive.item(id: first.alerts[0].itemID))
        #expect(detail.item.title == "Strike vote set for Friday (updated)")
        #expect(detail.item.revision == 2)
        #expect(detail.revisions.map(\.title) == ["Strike vote set"])
    }

    @Test func onUpdateRulesAlertOnEdits() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("f", "u")])["f"])
        _ = try archive.ingest(feedID: id, feedName: "f", items: [entry("1", title: "A", text: "x", alerts: ["r"], onUpdate: ["r"])])
        let edited = try archive.ingest(feedID: id, feedName: "f", items: [entry("1", title: "B", text: "x", alerts: ["r"], onUpdate: ["r"])])
        #expect(edited.alerts.map(\.title) == ["B"])
        let again = try archive.ingest(feedID: id, feedName: "f", items: [entry("1", title: "B", text: "x", alerts: ["r"], onUpdate: ["r"])])
        #expect(again.alerts.isEmpty)
    }

    @Test func v1ArchiveIsMigratedAndItsItemsJoinStories() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("old.sqlite")
        do {
            let queue = try DatabaseQueueForTests(path: path)
            try queue.migrateToV1AndInsertItem()
        }
        let archive = try Archive(path: path)
        let stories = try archive.stories()
        #expect(stories.count == 1)
        let hits = try archive.search(SearchRequest(condition: .word("picket", field: nil)))
        #expect(hits.count == 1)
        // v8: the full-text index's merge settings reach older archives too.
        let settings = try archive.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT k, v FROM item_fts_config WHERE k IN ('automerge', 'hashsize') ORDER BY k")
                .map { "\($0["k"] as String)=\($0["v"] as Int)" }
        }
        #expect(settings == ["automerge=16", "hashsize=2097152"])
    }
}

@Suite("Alert kinds migration")
struct AlertKindsMigrationTests {
    @Test func v4AlertsSurviveTheAlertTableRebuild() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("v4.sqlite")
        do {
            let queue = try DatabaseQueueForTests(path: path)
            try queue.migrateToV4WithAnAlert()
        }
        let archive = try Archive(path: path)
        let alerts = try archive.latestAlerts(limit: 10)
        #expect(alerts.map(\.id) == [3])
        #expect(alerts.first?.itemID == 7)
        #expect(alerts.first?.sources == 2)
        #expect(alerts.first?.kind == .item)
        // The owed delivery still points at it.
        #expect(try archive.owedDeliveries().map(\.alert.id) == [3])
    }
}

@Suite("One alert per story")
struct StoryAlertTests {
    @Test func laterSourcesAttachToTheStorysAlert() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let ids = try archive.registerFeeds([("a", "u1"), ("b", "u2"), ("c", "u3")])
        let text = article(77)
        let first = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a1", title: "Strike", text: text, alerts: ["strike"])])
        #expect(first.alerts.count == 1)
        let second = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("b1", title: "Strike", text: "Republished. " + text, alerts: ["strike", "everyone"]),
        ])
        // "strike" attaches; a rule that never alerted on this story still alerts once.
        #expect(second.alerts.map(\.rule) == ["everyone"])
        #expect(second.attachedSources == 1)
        var third = entry("c1", title: "Strike", text: "Copied. " + text, alerts: ["strike"])
        third.eachSourceRules = ["strike"]
        let each = try archive.ingest(feedID: ids["c"]!, feedName: "c", items: [third])
        #expect(each.alerts.map(\.rule) == ["strike"])
        let strike = try archive.latestAlerts(limit: 10).filter { $0.rule == "strike" }
        #expect(strike.map(\.sources) == [2, 1])
    }

    /// An outlet that publishes the story again (a new guid for the same article, as
    /// some publishing systems do on every edit) adds an item, not a source.
    @Test func theSameOutletAgainIsNotAnotherSource() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let ids = try archive.registerFeeds([("a", "u1"), ("b", "u2")])
        let text = article(78)
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a1", title: "Vote", text: text, alerts: ["vote"])])
        let again = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [entry("a2", title: "Vote", text: text, alerts: ["vote"])])
        #expect(again.alerts.isEmpty)
        #expect(again.attachedSources == 0)
        let other = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: [entry("b1", title: "Vote", text: text, alerts: ["vote"])])
        #expect(other.attachedSources == 1)
        let twice = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: [entry("b2", title: "Vote", text: text, alerts: ["vote"])])
        #expect(twice.attachedSources == 0)
        #expect(try archive.latestAlerts(limit: 10).map(\.sources) == [2])
        #expect(try archive.stories().first?.sources.map(\.feed) == ["a", "b"])
    }
}

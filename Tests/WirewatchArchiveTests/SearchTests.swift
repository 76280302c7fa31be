import Foundation
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Search")
struct SearchTests {
    func archiveWithItems(_ dir: TemporaryDirectory) throws -> Archive {
        let archive = try Archive(path: dir.file("a.sqlite"))
        let ids = try archive.registerFeeds([("left", "u1"), ("right", "u2")])
        let day: Double = 86_400
        let now = Date()
        _ = try archive.ingest(feedID: ids["left"]!, feedName: "left", items: [
            entry("1", title: "General strike called in Minneapolis", text: "Unions across the Twin Cities call a general strike. " + article(10), tags: ["strike"]),
            entry("2", title: "Tenants win rent freeze", text: article(11)),
        ], at: now.addingTimeInterval(-10 * day))
        _ = try archive.ingest(feedID: ids["right"]!, feedName: "right", items: [
            entry("3", title: "Strike threatens transit", text: "Officials warn a general strike would halt buses. " + article(12), tags: ["strike"]),
            entry("4", title: "Court rules on raid", text: "A federal judge ruled on the plant raid. " + article(13)),
        ], at: now)
        return archive
    }

    @Test func findsWordsNewestFirst() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try archiveWithItems(dir)
        let hits = try archive.search(SearchRequest(condition: .word("strike", field: nil)))
        #expect(hits.map(\.item.title) == ["Strike threatens transit", "General strike called in Minneapolis"])
        #expect(hits[0].snippet.contains(SearchHit.markStart))
    }

    @Test func phrasesFieldsAndFilters() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try archiveWithItems(dir)
        #expect(try archive.search(SearchRequest(condition: .phrase(["general", "strike"], field: nil))).count == 2)
        #expect(try archive.search(SearchRequest(condition: .phrase(["general", "strike"], field: .title))).count == 1)
        var byFeed = SearchRequest(condition: .word("strike", field: nil))
        byFeed.feeds = ["left"]
        #expect(try archive.search(byFeed).map(\.item.feed) == ["left"])
        var byTag = SearchRequest(condition: .anything)
        byTag.tags = ["strike"]
        #expect(try archive.search(byTag).count == 2)
        var recent = SearchRequest(condition: .word("strike", field: nil))
        recent.since = Date().addingTimeInterval(-86_400)
        #expect(try archive.search(recent).map(\.item.title) == ["Strike threatens transit"])
        var old = SearchRequest(condition: .word("strike", field: nil))
        old.until = Date().addingTimeInterval(-86_400)
        #expect(try archive.search(old).map(\.item.title) == ["General strike called in Minneapolis"])
    }

    @Test func prefixAndBooleanConditions() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try archiveWithItems(dir)
        #expect(try archive.search(SearchRequest(condition: .prefix("minneap", field: nil))).count == 1)
        let either = TextCondition.any([.word("tenants", field: .title), .word("court", field: .title)])
        #expect(Set(try archive.search(SearchRequest(condition: either)).map(\.item.id)).count == 2)
        let both = TextCondition.all([.word("strike", field: nil), .word("buses", field: nil)])
        #expect(try archive.search(SearchRequest(condition: both)).map(\.item.title) == ["Strike threatens transit"])
    }

    @Test func rankedPutsTitleMatchesFirstAndFilterIsExact() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try archiveWithItems(dir)
        var ranked = SearchRequest(condition: .word("minneapolis", field: nil))
        ranked.ranked = true
        #expect(try archive.search(ranked).first?.item.title == "General strike called in Minneapolis")
        var filtered = SearchRequest(condition: .word("strike", field: nil))
        filtered.filter = { $0.feed == "right" }
        #expect(try archive.search(filtered).map(\.item.feed) == ["right"])
    }

    @Test func quotesInTermsCannotBreakTheIndexSyntax() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try archiveWithItems(dir)
        #expect(try archive.search(SearchRequest(condition: .word("say \"hello", field: nil))).isEmpty)
    }
}

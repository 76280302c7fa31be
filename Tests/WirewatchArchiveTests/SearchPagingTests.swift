import Foundation
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

/// Searches whose filter rejects most candidates read several pages of them:
/// newest first continues below the last id seen, ranked takes all the rest in
/// one more pass. Either way the hits must be those of one unfiltered search,
/// filtered afterwards, and every hit keeps its snippet and score.
@Suite("Search paging")
struct SearchPagingTests {
    /// 60 items that all mention a strike, each of a different length (so BM25
    /// scores differ), ingested in order: ids follow the index `i`.
    func archiveWithManyMatches(_ dir: TemporaryDirectory) throws -> Archive {
        let archive = try Archive(path: dir.file("a.sqlite"))
        let feeds = try archive.registerFeeds([("wire", "u1")])
        let items = (0..<60).map { i in
            entry("\(i)", title: "Report \(i)", text: "Striking workers joined the strike on day \(i). " + article(100 + i, words: 40 + 3 * i))
        }
        _ = try archive.ingest(feedID: feeds["wire"]!, feedName: "wire", items: items, at: Date())
        return archive
    }

    static func keep(_ item: ArchivedItem) -> Bool {
        guard let number = Int(item.title.split(separator: " ").last ?? "") else { return false }
        return number % 7 == 3
    }

    @Test(arguments: [
        TextCondition.word("strike", field: nil),
        .prefix("strik", field: nil),
        .all([.word("strike", field: nil), .word("workers", field: nil)]),
    ])
    func newestFirstPagesBelowTheLastIDSeen(condition: TextCondition) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try archiveWithManyMatches(dir)
        var all = SearchRequest(condition: condition)
        all.limit = 100
        let unfiltered = try archive.search(all)
        #expect(unfiltered.count == 60)
        #expect(unfiltered.map(\.item.id) == unfiltered.map(\.item.id).sorted(by: >))

        var filtered = SearchRequest(condition: condition)
        filtered.limit = 5
        filtered.filter = { Self.keep($0) }
        let hits = try archive.search(filtered)
        let expected = unfiltered.filter { Self.keep($0.item) }.prefix(5)
        #expect(hits.map(\.item.id) == expected.map(\.item.id))
        #expect(hits.count == 5)
        for (hit, same) in zip(hits, expected) {
            #expect(hit.snippet.contains(SearchHit.markStart))
            #expect(hit.snippet == same.snippet)
            #expect(hit.score != nil)
            #expect(hit.score == same.score)
        }
    }

    @Test func rankedTakesTheRestInOneMorePass() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try archiveWithManyMatches(dir)
        var all = SearchRequest(condition: .word("strike", field: nil))
        all.ranked = true
        all.limit = 100
        let unfiltered = try archive.search(all)
        #expect(unfiltered.count == 60)
        let scores = unfiltered.compactMap(\.score)
        #expect(scores.count == 60)
        #expect(scores == scores.sorted())

        // The first page holds the 50 best candidates: keeping ranks 10, 30 and 55
        // needs the last pass for the third.
        let kept = Set([10, 30, 55].map { unfiltered[$0].item.id })
        var filtered = SearchRequest(condition: .word("strike", field: nil))
        filtered.ranked = true
        filtered.limit = 3
        filtered.filter = { kept.contains($0.id) }
        let hits = try archive.search(filtered)
        #expect(hits.map(\.item.id) == [10, 30, 55].map { unfiltered[$0].item.id })
        #expect(hits.map(\.score) == [10, 30, 55].map { unfiltered[$0].score })
        #expect(hits.map(\.snippet) == [10, 30, 55].map { unfiltered[$0].snippet })
        #expect(hits.allSatisfy { $0.snippet.contains(SearchHit.markStart) })
    }

    @Test func anythingPagesBelowTheLastIDSeenToo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try archiveWithManyMatches(dir)
        var filtered = SearchRequest(condition: .anything)
        filtered.limit = 6
        filtered.since = Date().addingTimeInterval(-86_400)
        filtered.filter = { Self.keep($0) }
        let hits = try archive.search(filtered)
        #expect(hits.map(\.item.title) == [59, 52, 45, 38, 31, 24].map { "Report \($0)" })
        #expect(hits.allSatisfy { $0.score == nil && !$0.snippet.isEmpty })
    }

    @Test func fewerMatchesThanTheLimitEndsTheSearch() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try archiveWithManyMatches(dir)
        var filtered = SearchRequest(condition: .word("strike", field: nil))
        filtered.limit = 20
        filtered.filter = { Self.keep($0) }
        #expect(try archive.search(filtered).count == 9)
        filtered.ranked = true
        #expect(try archive.search(filtered).count == 9)
    }

    @Test func hitsCarryTheSameItemsAsShow() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let feeds = try archive.registerFeeds([("wire", "u1")])
        var tagged = entry("t", title: "Strike vote", text: "Nurses vote on a strike. " + article(7), tags: ["labor", "health"])
        tagged.item.categories = ["Labor", "Health care"]
        tagged.item.published = Date(timeIntervalSince1970: 1_700_000_000)
        tagged.item.language = "en"
        _ = try archive.ingest(feedID: feeds["wire"]!, feedName: "wire", items: [
            tagged, entry("u", title: "Strike ends", text: "The strike ended. " + article(8)),
        ], at: Date())
        for ranked in [false, true] {
            var request = SearchRequest(condition: .word("strike", field: nil))
            request.ranked = ranked
            let hits = try archive.search(request)
            #expect(hits.count == 2)
            for hit in hits {
                #expect(hit.item == (try archive.item(id: hit.item.id))?.item)
            }
            let first = try #require(hits.first { $0.item.title == "Strike vote" })
            #expect(first.item.tags == ["health", "labor"])
            #expect(first.item.categories == ["Labor", "Health care"])
            #expect(first.item.language == "en")
        }
    }
}

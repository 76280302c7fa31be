import Foundation
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

/// Posts without a title (Mastodon, micro.blog, some JSON Feeds): alerts and
/// stories are named by the first words of the text, not "(untitled)".
@Suite("Headlines of untitled items")
struct HeadlineTests {
    @Test func aTitleIsItsOwnHeadline() {
        #expect(Item(title: "Council votes", contentText: "Long text").headline == "Council votes")
    }

    @Test func anUntitledItemIsNamedByItsFirstWords() {
        let text = "The city council voted tonight to approve the transit budget after a four hour debate that ran past midnight."
        let headline = Item(title: "", contentText: text).headline
        #expect(headline == "The city council voted tonight to approve the transit budget after a four hour…")
        #expect(headline.count <= 81)
        #expect(Item(title: "", contentText: "Short post.").headline == "Short post.")
        #expect(Item(link: "https://m.example/@a/1", title: "").headline == "https://m.example/@a/1")
    }

    @Test func alertsAndStoriesOfAnUntitledPostUseItsHeadline() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("social", "u")])["social"])
        let post = entry("1", title: "", text: "Strike vote at the plant tonight, members say. " + article(90), alerts: ["strike"])
        let result = try archive.ingest(feedID: id, feedName: "social", items: [post])
        #expect(result.alerts.first?.title.hasPrefix("Strike vote at the plant tonight, members say.") == true)
        #expect(try archive.stories().first?.title.hasPrefix("Strike vote at the plant tonight") == true)
    }
}

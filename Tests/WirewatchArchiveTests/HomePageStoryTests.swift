import Foundation
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Home-page links and stories")
struct HomePageStoryTests {
    /// A daily briefing links every issue to the outlet's home page: each issue
    /// is a story of its own and alerts, not a further source of the first.
    @Test func articlesLinkedToTheHomePageAreSeparateStories() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("briefing", "u")])["briefing"])
        var alerts = 0
        for day in 1...3 {
            let result = try archive.ingest(feedID: id, feedName: "briefing", items: [
                entry("issue-\(day)", title: "Briefing \(day)", text: article(40 + day), link: "https://outlet.example/", alerts: ["city"]),
            ])
            alerts += result.alerts.count
        }
        #expect(alerts == 3)
        #expect(try archive.stories().count == 3)
    }

    /// An article link still joins two outlets' items at once.
    @Test func anArticleLinkStillJoinsTheStory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let ids = try archive.registerFeeds([("a", "u1"), ("b", "u2")])
        _ = try archive.ingest(feedID: ids["a"]!, feedName: "a", items: [
            entry("x", title: "One", text: article(50), link: "https://outlet.example/2026/11/one"),
        ])
        _ = try archive.ingest(feedID: ids["b"]!, feedName: "b", items: [
            entry("y", title: "Other words", text: article(51), link: "https://outlet.example/2026/11/one?utm_medium=rss"),
        ])
        #expect(try archive.stories().count == 1)
    }
}

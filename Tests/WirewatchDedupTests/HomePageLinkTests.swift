import Testing
import WirewatchCore
@testable import WirewatchDedup

/// Items whose guid or link is only the site's home page (newsletters, podcasts,
/// some publishing systems): across polls, each must stay an article of its own.
@Suite("Home-page links")
struct HomePageLinkTests {
    @Test(arguments: [
        ("https://outlet.example/", true),
        ("https://outlet.example", true),
        ("http://outlet.example:8080/", true),
        ("https://outlet.example/news/", false),
        ("https://outlet.example/2026/11/20/council-vote", false),
        ("https://blog.example/?p=123", false),
        ("tag:outlet.example,2026:1", false),
        ("", false),
    ])
    func homePage(link: String, expected: Bool) {
        #expect(CanonicalLink.isHomePage(CanonicalLink.canonicalize(link)) == expected)
    }

    /// One item per document, polled on different days: the home-page link must
    /// not make the second day's issue "the same item" as the first.
    @Test func aHomePageLinkIsNoIdentity() {
        let monday = Item(guid: nil, link: "https://outlet.example/", title: "Monday briefing")
        let tuesday = Item(guid: nil, link: "https://outlet.example/?utm_source=rss", title: "Tuesday briefing")
        let keys = [ItemIdentity(of: monday).key, ItemIdentity(of: tuesday).key]
        #expect(keys.allSatisfy { $0.hasPrefix("hash:") })
        #expect(keys[0] != keys[1])
    }

    @Test func aHomePageGuidIsNoIdentity() {
        let item = Item(guid: "https://outlet.example/", link: "https://outlet.example/2026/11/vote", title: "Vote")
        #expect(ItemIdentity(of: item).key == "link:https://outlet.example/2026/11/vote")
        for home in ["https://outlet.example/#top", "https://Outlet.example:443/?utm_source=rss", "http://outlet.example"] {
            let other = Item(guid: home, link: "https://outlet.example/2026/11/vote", title: "Vote")
            #expect(ItemIdentity(of: other).key == "link:https://outlet.example/2026/11/vote")
        }
        let permalink = Item(guid: "https://outlet.example/2026/11/vote", link: nil, title: "Vote")
        #expect(ItemIdentity(of: permalink).key == "guid:https://outlet.example/2026/11/vote")
    }
}

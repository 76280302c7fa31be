import Testing
import WirewatchParse

@Suite("Feed discovery")
struct FeedLinkFinderTests {
    let page = """
        <!DOCTYPE html>
        <html><head><title>News</title>
        <meta charset="utf-8">
        <link rel="stylesheet" href="/s.css">
        <link rel="alternate" type="application/feed+json" href="/feed.json" title="JSON">
        <link rel="alternate" type="application/rss+xml" href="feed/rss.xml" title="RSS">
        <LINK REL="Alternate feed" TYPE="application/atom+xml; charset=utf-8" HREF="https://other.example/atom">
        <link rel="alternate" hreflang="fr" href="/fr/">
        </head><body><p>Unclosed <br> tags<p>everywhere</body></html>
        """

    @Test func findsEveryFeedLinkResolved() {
        let links = FeedLinkFinder.links(in: Array(page.utf8), pageURL: "https://news.example/section/index.html")
        #expect(links == [
            FeedLink(url: "https://news.example/feed.json", kind: .json, title: "JSON"),
            FeedLink(url: "https://news.example/section/feed/rss.xml", kind: .rss, title: "RSS"),
            FeedLink(url: "https://other.example/atom", kind: .atom),
        ])
        #expect(FeedLinkFinder.preferred(links)?.kind == .rss)
    }

    @Test func baseHrefAndFilePages() {
        let html = #"<html><head><base href="https://cdn.example/x/"><link rel="alternate" type="application/atom+xml" href="a.xml"></head></html>"#
        #expect(FeedLinkFinder.links(in: Array(html.utf8), pageURL: "https://site.example/").map(\.url) == ["https://cdn.example/x/a.xml"])
        let local = #"<html><link rel="alternate" type="application/rss+xml" href="feed.xml"></html>"#
        #expect(FeedLinkFinder.links(in: Array(local.utf8), pageURL: "file:///srv/site/index.html").map(\.url) == ["file:///srv/site/feed.xml"])
    }

    @Test func htmlIsToldFromFeeds() {
        #expect(FeedLinkFinder.looksLikeHTML(Array(page.utf8), contentType: nil))
        #expect(FeedLinkFinder.looksLikeHTML(Array("<p>hi".utf8), contentType: "text/html; charset=utf-8"))
        // Feeds wrongly served as text/html are still feeds.
        #expect(!FeedLinkFinder.looksLikeHTML(Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><description>&lt;html&gt;</description></channel></rss>".utf8), contentType: "text/html"))
        #expect(!FeedLinkFinder.looksLikeHTML(Array(#"{"version": "https://jsonfeed.org/version/1.1"}"#.utf8), contentType: "text/html"))
        #expect(FeedLinkFinder.links(in: Array("<html><body>no feeds</body></html>".utf8), pageURL: "https://x.example/").isEmpty)
    }
}

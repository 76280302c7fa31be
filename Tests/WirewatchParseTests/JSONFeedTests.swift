import Foundation
import Testing
import WirewatchCore
@testable import WirewatchParse

@Suite("JSON Feed")
struct JSONFeedTests {
    static let feed = """
        {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "/",
         "authors": [{"name": "Desk", "url": "/desk"}],
         "items": [
           {"id": 12345, "url": "https://j.example/a", "title": "Numeric id",
            "content_html": "<p>Hello &amp; bye</p>", "date_published": "2026-11-20T10:00:00-05:00"},
           {"id": "x2", "url": "/b", "external_url": "../c", "content_text": "Text only.",
            "authors": [{"name": "Ana"}, {"name": "Bo"}],
            "attachments": [{"url": "media/b.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 42}]}
         ]}
        """

    /// Real feeds use relative URLs and 1.1's `authors`; both are read.
    @Test func relativeURLsResolveAgainstTheFeedAndAuthorsAreRead() {
        let parsed = parse(Self.feed, url: "https://j.example/news/feed.json")
        #expect(parsed.version == "json11")
        #expect(parsed.feed.link == "https://j.example/")
        #expect(parsed.items.map(\.guid) == ["12345", "x2"])
        #expect(parsed.items.map(\.link) == ["https://j.example/a", "https://j.example/b"])
        #expect(parsed.items[1].enclosures.map(\.url) == ["https://j.example/news/media/b.mp3"])
        #expect(parsed.items[1].author == "Ana")
    }

    /// Without the feed's address (its `home_page_url` here is relative too),
    /// links stay as written.
    @Test func withoutAnAddressLinksStayAsWritten() {
        let parsed = parse(Self.feed)
        #expect(parsed.items.map(\.link) == ["https://j.example/a", "/b"])
    }

    /// A file feed has no address of its own; its `feed_url` (else an absolute
    /// `home_page_url`) stands in.
    @Test func aFileFeedResolvesAgainstItsFeedURL() {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://j.example/",
             "feed_url": "https://j.example/news/feed.json",
             "items": [{"id": "1", "url": "/b", "attachments": [{"url": "media/b.mp3", "mime_type": "audio/mpeg"}]}]}
            """
        let parsed = parse(json)
        #expect(parsed.items.first?.link == "https://j.example/b")
        #expect(parsed.items.first?.enclosures.map(\.url) == ["https://j.example/news/media/b.mp3"])
        // The address it was fetched from still comes first.
        #expect(parse(json, url: "https://mirror.example/j.json").items.first?.link == "https://mirror.example/b")
        // A feed_url that is not an absolute web address is not used.
        let local = json.replacingOccurrences(of: "https://j.example/news/feed.json", with: "feed.json")
        #expect(parse(local).items.first?.link == "https://j.example/b")  // home_page_url instead
    }
}

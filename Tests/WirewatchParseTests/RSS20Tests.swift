import Foundation
import Testing
import WirewatchCore
@testable import WirewatchParse

@Suite("RSS 2.0")
struct RSS20Tests {
    static let feed = """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel>
      <title>Example &amp; Co</title>
      <link>http://example.com/</link>
      <description>All the news</description>
      <language>en-us</language>
      <ttl>30</ttl>
      <lastBuildDate>Thu, 01 Jan 2004 19:48:21 GMT</lastBuildDate>
      <item>
        <title>First &lt;b&gt;story&lt;/b&gt;</title>
        <link>http://example.com/1</link>
        <guid isPermaLink="false">tag:example.com,2004:1</guid>
        <description>&lt;p&gt;Short &lt;i&gt;text&lt;/i&gt;&lt;/p&gt;</description>
        <content:encoded><![CDATA[<p>Full <b>body</b></p>]]></content:encoded>
        <dc:creator>Jane Doe</dc:creator>
        <pubDate>Thu, 01 Jan 2004 19:48:21 -0500</pubDate>
        <category domain="http://example.com/cats">Politics</category>
        <category>World</category>
        <enclosure url="http://example.com/a.mp3" type="audio/mpeg" length="1234"/>
      </item>
      <item>
        <title>Second</title>
        <guid>http://example.com/2</guid>
      </item>
    </channel>
    </rss>
    """

    @Test func channelFields() {
        let r = parse(Self.feed)
        #expect(!r.isMalformed)
        #expect(r.version == "rss20")
        #expect(r.encoding == "utf-8")
        #expect(r.feed.title == "Example & Co")
        #expect(r.feed.link == "http://example.com/")
        #expect(r.feed.description == "All the news")
        #expect(r.feed.language == "en-us")
        #expect(r.feed.ttlMinutes == 30)
        #expect(r.feed.updated == utc(2004, 1, 1, 19, 48, 21))
    }

    @Test func itemFields() throws {
        let r = parse(Self.feed)
        try #require(r.items.count == 2)
        let it = r.items[0]
        #expect(it.guid == "tag:example.com,2004:1")
        #expect(it.link == "http://example.com/1")
        #expect(it.title == "First story")
        #expect(it.summary == "<p>Short <i>text</i></p>")
        #expect(it.summaryIsHTML)
        #expect(it.summaryText == "Short text")
        #expect(it.content == "<p>Full <b>body</b></p>")
        #expect(it.contentText == "Full body")
        #expect(it.author == "Jane Doe")
        #expect(it.published == utc(2004, 1, 2, 0, 48, 21))
        #expect(it.categories == ["Politics", "World"])
        #expect(it.enclosures == [Enclosure(url: "http://example.com/a.mp3", type: "audio/mpeg", length: 1234)])
    }

    @Test func permalinkGuidBecomesLink() {
        let r = parse(Self.feed)
        #expect(r.items[1].guid == "http://example.com/2")
        #expect(r.items[1].link == "http://example.com/2")
    }

    @Test func jsonHasFeedparserShape() {
        let json = parse(Self.feed).feedparserJSON()
        let obj = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(obj?["bozo"] as? Bool == false)
        let entries = obj?["entries"] as? [[String: Any]]
        #expect(entries?.first?["published_parsed"] as? String == "2004-01-02T00:48:21Z")
        let tags = entries?.first?["tags"] as? [[String: Any]]
        #expect(tags?.first?["scheme"] as? String == "http://example.com/cats")
        let enc = entries?.first?["enclosures"] as? [[String: Any]]
        #expect(enc?.first?["length"] as? String == "1234")
    }

    @Test func relativeLinksResolveAgainstFeedURL() {
        let xml = """
        <rss version="2.0"><channel><item><link>/posts/1</link>
        <enclosure url="media/a.mp3" type="audio/mpeg"/></item></channel></rss>
        """
        let r = parse(xml, url: "http://example.com/blog/feed.xml")
        #expect(r.items.first?.link == "http://example.com/posts/1")
        #expect(r.items.first?.enclosures.first?.url == "http://example.com/blog/media/a.mp3")
    }
}

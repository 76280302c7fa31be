import Foundation
import Testing
import WirewatchCore
@testable import WirewatchParse

@Suite("Atom 1.0")
struct AtomTests {
    static let feed = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/" xml:lang="en">
      <title type="text">Atom feed</title>
      <subtitle type="html">A &lt;em&gt;fine&lt;/em&gt; feed</subtitle>
      <link rel="alternate" type="text/html" href="/"/>
      <link rel="self" href="/feed.atom"/>
      <updated>2005-07-31T12:29:29Z</updated>
      <id>tag:example.org,2003:3</id>
      <entry>
        <title type="html">Atom &amp;amp; more</title>
        <link rel="alternate" type="text/html" href="2005/04/02/atom"/>
        <link rel="enclosure" type="audio/mpeg" length="1337" href="/media/a.mp3"/>
        <id>tag:example.org,2003:3.2397</id>
        <updated>2005-07-31T12:29:29Z</updated>
        <published>2003-12-13T08:29:29-04:00</published>
        <author><name>Mark</name><email>mark@example.org</email><uri>/mark</uri></author>
        <category term="tech" scheme="http://example.org/cats" label="Technology"/>
        <summary>Plain summary</summary>
        <content type="xhtml" xml:base="http://diveintomark.org/">
          <div xmlns="http://www.w3.org/1999/xhtml"><p><i>[Update: The Atom draft is finished.]</i> <a href="x.html">more</a></p></div>
        </content>
      </entry>
    </feed>
    """

    @Test func feedFields() {
        let r = parse(Self.feed)
        #expect(!r.isMalformed)
        #expect(r.version == "atom10")
        #expect(r.feed.title == "Atom feed")
        #expect(r.feed.description == "A fine feed")
        #expect(r.feed.link == "http://example.org/")
        #expect(r.feed.language == "en")
        #expect(r.feed.updated == utc(2005, 7, 31, 12, 29, 29))
    }

    @Test func entryFields() throws {
        let r = parse(Self.feed)
        try #require(r.items.count == 1)
        let e = r.items[0]
        #expect(e.guid == "tag:example.org,2003:3.2397")
        #expect(e.link == "http://example.org/2005/04/02/atom")
        #expect(e.title == "Atom & more")
        #expect(e.summary == "Plain summary")
        #expect(e.summaryIsHTML == false)
        #expect(e.content == "<p><i>[Update: The Atom draft is finished.]</i> <a href=\"http://diveintomark.org/x.html\">more</a></p>")
        #expect(e.contentText == "[Update: The Atom draft is finished.] more")
        #expect(e.author == "Mark (mark@example.org)")
        #expect(e.published == utc(2003, 12, 13, 12, 29, 29))
        #expect(e.updated == utc(2005, 7, 31, 12, 29, 29))
        #expect(e.categories == ["tech"])
        #expect(e.enclosures == [Enclosure(url: "http://example.org/media/a.mp3", type: "audio/mpeg", length: 1337)])
        #expect(e.language == "en")
    }

    @Test func jsonKeepsLinkRelsPeopleAndTags() throws {
        let json = parse(Self.feed).feedparserJSON()
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let e = try #require((obj["entries"] as? [[String: Any]])?.first)
        let links = try #require(e["links"] as? [[String: Any]])
        #expect(links.map { $0["rel"] as? String } == ["alternate", "enclosure"])
        let author = try #require(e["author_detail"] as? [String: Any])
        #expect(author["href"] as? String == "http://example.org/mark")
        let tag = try #require((e["tags"] as? [[String: Any]])?.first)
        #expect(tag["label"] as? String == "Technology")
        let content = try #require((e["content"] as? [[String: Any]])?.first)
        #expect(content["type"] as? String == "application/xhtml+xml")
        #expect(content["base"] as? String == "http://diveintomark.org/")
    }

    @Test func atom03IsDetected() {
        let r = parse("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Old</title></feed>")
        #expect(r.version == "atom03")
        #expect(r.feed.title == "Old")
    }

    @Test func jsonFeed() {
        let r = parse("""
        {"version": "https://jsonfeed.org/version/1.1", "title": "J", "home_page_url": "https://example.org/",
         "items": [{"id": "1", "url": "https://example.org/1", "title": "One", "content_html": "<p>Hi</p>",
                    "date_published": "2020-01-02T03:04:05Z", "tags": ["a"]}]}
        """)
        #expect(r.version == "json11")
        #expect(r.feed.title == "J")
        #expect(r.items.first?.content == "<p>Hi</p>")
        #expect(r.items.first?.contentText == "Hi")
        #expect(r.items.first?.published == utc(2020, 1, 2, 3, 4, 5))
        #expect(r.items.first?.categories == ["a"])
    }
}

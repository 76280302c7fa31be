import Foundation
import Testing
@testable import WirewatchParse

@Suite("RSS 1.0")
struct RSS10Tests {
    static let feed = """
    <?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
      <channel rdf:about="http://example.org/rss">
        <title>RDF feed</title>
        <link>http://example.org/</link>
        <description>An RSS 1.0 feed</description>
        <dc:date>2004-01-01T12:00:00+01:00</dc:date>
      </channel>
      <item rdf:about="http://example.org/item/1">
        <title>Item one</title>
        <link>http://example.org/item/1</link>
        <description>Summary one</description>
        <content:encoded>&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content:encoded>
        <dc:creator>Ann</dc:creator>
        <dc:subject>Science</dc:subject>
        <dc:date>2004-02-03T04:05:06Z</dc:date>
      </item>
    </rdf:RDF>
    """

    @Test func fields() throws {
        let r = parse(Self.feed)
        #expect(!r.isMalformed)
        #expect(r.version == "rss10")
        #expect(r.feed.title == "RDF feed")
        #expect(r.feed.link == "http://example.org/")
        #expect(r.feed.description == "An RSS 1.0 feed")
        #expect(r.feed.updated == utc(2004, 1, 1, 11))
        try #require(r.items.count == 1)
        let it = r.items[0]
        #expect(it.guid == "http://example.org/item/1")
        #expect(it.link == "http://example.org/item/1")
        #expect(it.title == "Item one")
        #expect(it.summary == "Summary one")
        #expect(it.content == "<p>Body &amp; more</p>")
        #expect(it.contentText == "Body & more")
        #expect(it.author == "Ann")
        #expect(it.categories == ["Science"])
        #expect(it.updated == utc(2004, 2, 3, 4, 5, 6))
    }
}

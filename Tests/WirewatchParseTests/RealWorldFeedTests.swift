import Foundation
import Testing
import WirewatchCore
@testable import WirewatchParse

/// Feeds built the way real publishers' feeds are (WordPress, Reddit, NYT,
/// arXiv, GitHub, JSON Feed, Japanese outlets), with their real breakage,
/// and what a careful reader expects of the archived `Item`s.
@Suite("Real-world feeds")
struct RealWorldFeedTests {
    /// A hand-made feed that uses `dc:` and `content:` without declaring them.
    static let undeclaredPrefixes = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Undeclared</title><link>https://u.example.com/</link>
    <item><title>One</title><link>https://u.example.com/1</link><dc:creator>Someone</dc:creator>\
    <content:encoded><![CDATA[<p>Body</p>]]></content:encoded></item>
    </channel></rss>
    """

    /// Every feed above, for the daemon-path / JSON-path agreement check.
    static let all: [(String, [UInt8])] = [
        ("undeclared-prefixes", Array(undeclaredPrefixes.utf8)), ("shift_jis-cp932", shiftJIS),
    ]

    @Test func spacesWrittenAsReferencesCollapse() {
        #expect(PlainText.fromHTML("a &#32; b&#10;&#10;c&#9;d") == "a b c d")
        #expect(PlainText.fromHTML("&#32;lead and trail&#32;") == "lead and trail")
    }

    @Test func undeclaredDublinCoreAndContentPrefixesStillMap() throws {
        let r = parse(Self.undeclaredPrefixes)
        #expect(r.isMalformed)
        let it = try #require(r.items.first)
        #expect(it.author == "Someone")
        #expect(it.content == "<p>Body</p>")
        #expect(it.contentText == "Body")
        let e = r.result["entries"]?.arrayValue?.first
        #expect(e?["author"]?.stringValue == "Someone")
        #expect(e?["creator"] == nil)
    }

    /// ITmedia-style RSS 1.0 declared Shift_JIS, with CP932's ① and ～ in it.
    static let shiftJIS: [UInt8] = {
        var b = Array("""
        <?xml version="1.0" encoding="Shift_JIS"?>
        <rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xml:lang="ja">
        <channel rdf:about="https://www.itmedia.co.jp/"><title>ITmedia</title><link>https://www.itmedia.co.jp/news/</link></channel>
        <item rdf:about="https://www.itmedia.co.jp/news/1.html"><title>
        """.utf8)
        // 「iPhone」発表① in CP932: 「 81 75, 」 81 76, 発 94 AD, 表 95 5C, ① 87 40.
        b += [0x81, 0x75] + Array("iPhone".utf8) + [0x81, 0x76, 0x94, 0xAD, 0x95, 0x5C, 0x87, 0x40]
        b += Array("</title><link>https://www.itmedia.co.jp/news/1.html</link></item></rdf:RDF>".utf8)
        return b
    }()

    @Test func shiftJISWithWindowsExtensionsDecodes() throws {
        let r = FeedParser().parse(Self.shiftJIS, context: .init())
        #expect(!r.isMalformed)
        #expect(r.encoding == "shift_jis")
        #expect(try #require(r.items.first).title == "「iPhone」発表①")
    }

    @Test func textBeforeTheDocumentIsSkipped() throws {
        let php = "Warning: Cannot modify header information in /var/www/feed.php on line 12\n"
            + "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>PHP</title>"
            + "<link>https://p.example.com/</link><item><title>First</title><link>/1</link></item></channel></rss>"
        let r = parse(php, url: "https://p.example.com/feed.php")
        #expect(r.isMalformed)
        #expect(r.version == "rss20")
        #expect(r.feed.title == "PHP")
        #expect(r.items.map(\.link) == ["https://p.example.com/1"])
        #expect(r.result["bozo"] == .bool(true))
        // An HTML page is still not a feed.
        let html = parse("<!DOCTYPE html><html><head><title>Home</title></head><body><p>rss</p></body></html>")
        #expect(html.items.isEmpty)
        #expect(LeadingJunk.documentStart(Array("  <rss/>".utf8)) == nil)
        #expect(LeadingJunk.documentStart(Array("{\"version\": 1}".utf8)) == nil)
    }

    @Test func twelveHourClockDates() {
        #expect(FeedDate.parse("Fri, 20 Nov 2026 4:30:00 PM GMT") == utc(2026, 11, 20, 16, 30))
        #expect(FeedDate.parse("Fri, 20 Nov 2026 12:05:00 AM +0100") == utc(2026, 11, 19, 23, 5))
        #expect(FeedDate.parse("Fri, 20 Nov 2026 12:05 PM") == utc(2026, 11, 20, 12, 5))
        #expect(FeedDate.parse("Fri, 20 Nov 2026 13:05:00 PM GMT") == nil)
    }

}

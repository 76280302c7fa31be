import Foundation
import Testing
import WirewatchCore
@testable import WirewatchParse

/// The daemon path (`ParsedFeed.feed` / `.items`) must give exactly what the
/// JSON path gives: `ReferenceModel` derives the model from the
/// feedparser-shaped `result` with the original mapping rules, the original
/// plain-text rendering (`ReferencePlainText`) and the general date parsers.
@Suite("Fast path = JSON path")
struct FastPathTests {
    static let rss = """
    <?xml version="1.0" encoding="utf-8"?>
    <!DOCTYPE rss [ <!ENTITY company "Example &#38; Co"> ]>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
    <channel>
      <title>&company; — news &amp; more</title>
      <link>http://example.com/</link>
      <description>All the &lt;b&gt;news&lt;/b&gt;&nbsp;today</description>
      <language>en_US</language>
      <ttl> 45 </ttl>
      <lastBuildDate>Thu, 01 Jan 2004 19:48:21 GMT</lastBuildDate>
      <item>
        <title>First &lt;b&gt;story&lt;/b&gt; &#x201C;quoted&#x201D;</title>
        <link>/articles/1?a=1&amp;b=2</link>
        <guid isPermaLink="false">tag:example.com,2004:1</guid>
        <description>&lt;p&gt;Short &lt;i&gt;text&lt;/i&gt; with &lt;a href="/rel/link"&gt;a link&lt;/a&gt;&lt;/p&gt;</description>
        <content:encoded><![CDATA[<P CLASS=x>Full <b>body</b>&nbsp;&#150; <img src="pic.png" alt='A'><br>
          <a href="http://example.org/x" title="t">abs</a> <script>var x = "<b>";</script><style>p{}</style>
          <!-- comment --> tail &amp; more</P>]]></content:encoded>
        <dc:creator>Jane Doe (jane@example.com)</dc:creator>
        <pubDate>Thu, 01 Jan 2004 19:48:21 -0500</pubDate>
        <category domain="http://example.com/cats">Politics</category>
        <category>World</category>
        <category></category>
        <enclosure url="http://example.com/a.mp3" type="audio/mpeg" length=" 1234 "/>
        <media:content url="http://example.com/v.mp4" type="video/mp4"/>
      </item>
      <item>
        <title>Second</title>
        <guid>http://example.com/2</guid>
        <pubDate>5 Jan 2004 07:08 EST</pubDate>
        <description>plain   text, no markup</description>
      </item>
      <item>
        <description><![CDATA[Only a <em>summary</em> in CDATA]]></description>
        <dc:date>2004-01-05T07:08:09.123+02:00</dc:date>
        <category>a</category>
      </item>
    </channel>
    </rss>
    """

    static let atom = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/base/" xml:lang="de">
      <title type="html">Der &lt;em&gt;Feed&lt;/em&gt;</title>
      <subtitle type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Sub <b>title</b></div></subtitle>
      <link href="/home"/>
      <updated>2005-07-31T12:29:29Z</updated>
      <entry xml:base="entries/" xml:lang="fr">
        <title>Un   titre</title>
        <link rel="alternate" href="one.html"/>
        <link rel="enclosure" href="audio.mp3" type="audio/mpeg" length="99"/>
        <id>tag:example.org,2005:1</id>
        <published>2005-07-31T12:29:29-07:00</published>
        <updated>2005-08-01</updated>
        <author><name>Marie</name><email>marie@example.org</email></author>
        <category term="politique"/>
        <category term="monde" label="Monde"/>
        <summary type="text">Résumé &amp; plus</summary>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Texte <a href="rel.html">lien</a></p><br/></div></content>
      </entry>
      <entry>
        <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">X<sup>2</sup></div></title>
        <id>urn:uuid:2</id>
        <content type="html">&lt;p&gt;HTML &lt;b&gt;content&lt;/b&gt;&lt;/p&gt;</content>
        <content type="text">second content</content>
      </entry>
      <entry>
        <title>Base64</title>
        <content type="application/octet-stream" mode="base64">SGVsbG8gd29ybGQ=</content>
        <summary type="html">   &lt;p&gt;  padded  &lt;/p&gt;   </summary>
      </entry>
    </feed>
    """

    static let rdf = """
    <?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
             xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="http://example.com/">
        <title>RDF feed</title><link>http://example.com/</link><description>d</description>
        <dc:language>en</dc:language><dc:date>2004-01-01T00:00:00Z</dc:date>
      </channel>
      <item rdf:about="http://example.com/i1">
        <title>Item one</title><link>http://example.com/i1</link>
        <description>Text &amp;amp; &lt;br&gt;break</description>
        <dc:subject>Topic</dc:subject><dc:date>2004-01-02</dc:date>
      </item>
    </rdf:RDF>
    """

    static let broken = """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0"><channel><title>Broken & unescaped &copy; feed</title>
    <item><title>Open <b>bold</title><description>Unclosed <p>para &nbsp; &bogus; text</description>
    <link>http://example.com/?a=1&b=2</link></item>
    <item><title>Truncated
    """

    /// Windows-1252 bytes declared as such: curly quotes and a euro sign.
    static var windows1252: [UInt8] {
        var b = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>W".utf8)
        b += [0x93, 0x80, 0x94]
        b += Array("</title><item><title>caf".utf8) + [0xE9] + Array("</title><description>&lt;p&gt;".utf8)
        b += [0x96, 0x20, 0x85] + Array("&lt;/p&gt;</description></item></channel></rss>".utf8)
        return b
    }

    /// Undeclared Windows-1252 (not UTF-8): decoded by the fallback, flagged.
    static var undeclared1252: [UInt8] {
        Array("<rss version=\"2.0\"><channel><item><title>na".utf8) + [0xEF, 0x76, 0x65]
            + Array("</title><description>x".utf8) + [0x92] + Array("s</description></item></channel></rss>".utf8)
    }

    static let json = """
    {"version": "https://jsonfeed.org/version/1.1", "title": "JF", "home_page_url": "https://example.org/",
     "items": [{"id": "1", "url": "https://example.org/1", "title": "One", "content_html": "<p>Hi &amp; bye</p>",
                "summary": "S", "date_published": "2020-01-02T03:04:05Z", "tags": ["a", "b"],
                "attachments": [{"url": "https://example.org/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 5}]}]}
    """

    static func documents() -> [(String, [UInt8])] {
        var docs: [(String, [UInt8])] = [
            ("rss", Array(rss.utf8)), ("atom", Array(atom.utf8)), ("rdf", Array(rdf.utf8)),
            ("broken", Array(broken.utf8)), ("windows-1252", windows1252), ("undeclared-1252", undeclared1252),
            ("json", Array(json.utf8)),
            ("rss20-fixture", Array(RSS20Tests.feed.utf8)), ("rss10-fixture", Array(RSS10Tests.feed.utf8)),
            ("atom-fixture", Array(AtomTests.feed.utf8)),
        ] + RealWorldFeedTests.all
        // The sample feeds shipped in the repository.
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Feeds/samples").path
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: samples)) ?? []).sorted() {
            if let d = FileManager.default.contents(atPath: samples + "/" + name) { docs.append((name, [UInt8](d))) }
        }
        return docs
    }

    @Test func daemonPathEqualsJSONPath() {
        let contexts = [
            ParseContext(),
            ParseContext(url: "http://example.com/feeds/main.xml", headers: ["Content-Type": "application/rss+xml; charset=utf-8",
                                                                            "Content-Language": "en-GB"]),
        ]
        var checked = 0
        for (name, bytes) in Self.documents() {
            for context in contexts {
                let parsed = FeedParser().parse(bytes, context: context)
                let diffs = ReferenceModel.differences(parsed)
                #expect(diffs.isEmpty, "\(name) [\(context.url ?? "no url")]: \(diffs.joined(separator: "\n"))")
                // Keeping the tree (one pass) gives the same model and the same JSON.
                var options = ParseOptions()
                options.buildsFeedparserResult = true
                let kept = FeedParser(options: options).parse(bytes, context: context)
                #expect(kept.items == parsed.items, "\(name): items differ between modes")
                #expect(kept.feed == parsed.feed, "\(name): feed differs between modes")
                #expect(kept.feedparserJSON() == parsed.feedparserJSON(), "\(name): JSON differs between modes")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    @Test func documentsExerciseTheInterestingPaths() {
        let r = FeedParser().parse(Array(Self.rss.utf8))
        #expect(r.items.count == 3)
        #expect(r.items[0].contentText.contains("Full body"))
        #expect(!r.items[0].contentText.contains("var x"))
        #expect(r.items[0].enclosures.first?.length == 1234)
        let a = FeedParser().parse(Array(Self.atom.utf8))
        #expect(a.items.first?.link == "http://example.org/base/entries/one.html")
        #expect(a.items.first?.language == "fr")
        #expect(FeedParser().parse(Array(Self.broken.utf8)).isMalformed)
        #expect(FeedParser().parse(Self.windows1252).feed.title == "W\u{201C}\u{20AC}\u{201D}")
    }

    /// The byte-level plain-text renderer against the original one, on inputs
    /// that hit every branch (runs, entities, markup kinds, spaces).
    @Test func plainTextMatchesReference() {
        let inputs = [
            "", " ", "a", "  a  b  ", "a\u{A0}b", "x&nbsp;y", "&amp;&lt;&gt;&quot;&apos;&#39;&#x27;&#150;&#X41;&#1234567;",
            "<p>one</p><p>two</p>", "a<b>b</b>c", "<script>x<y</script>after", "<style>p{}</style>s",
            "<!-- c -->d", "<!-- unterminated", "a < b", "<", "&", "&unknown; &amp", "tab\there\nnew\r\nline",
            "<br/>x<br />y", "<div\nclass='a>b'>q</div>", "word  word   word    word     word      wordwordword",
            "é à ü 日本語 \u{2009}thin\u{2003}em", "<SCRIPT>X</SCRIPT>Y", "<scriptx>z</scriptx>",
            String(repeating: "long text run without any markup at all ", count: 20),
            String(repeating: "<a href=\"http://e.com/x\">link</a> and ", count: 10),
            "trailing space ", " leading", "a \u{C2}", "ab&#xD800;cd", "x&#0;y", "\u{85}next",
        ]
        for s in inputs {
            #expect(PlainText.fromHTML(s) == ReferencePlainText.fromHTML(s), "fromHTML(\(s.debugDescription))")
            #expect(PlainText.collapse(s) == ReferencePlainText.collapse(s), "collapse(\(s.debugDescription))")
        }
    }

    /// The canonical-form date reader against the general parsers.
    @Test func canonicalDatesMatchGeneralParsers() {
        let dates = [
            "Thu, 01 Jan 2004 19:48:21 GMT", "Thu, 01 Jan 2004 19:48:21 +0530", "Thu, 01 Jan 2004 19:48:21 -0800",
            "1 Jan 2004 19:48 EST", "01 Jan 2004 19:48:21 UT", "Thu, 01 Jan 2004 19:48:21 Z", "Thu, 31 Feb 2004 19:48:21 GMT",
            "Thu, 01 Jan 2004 25:48:21 GMT", "Thu, 01 Jan 2004 19:48:21 XYZ", "Thu, 01 Jan 2004 19:48:21 GMT+1",
            "Xyz, 01 Jan 2004 19:48:21 GMT", "THU, 01 JAN 2004 19:48:21 gmt", "Thu, 1 Jan 2004 19:48:21 PDT",
            "2004-01-01T19:48:21Z", "2004-01-01T19:48:21+02:00", "2004-01-01T19:48:21.123456Z", "2004-01-01T19:48Z",
            "2004-01-01T19:48:21.5-05:30", "2004-01-01", "2004-02-30", "2004-01-01t19:48:21z", "2004-01-01T19:48:21",
            "2004-01-01T19:48:21.Z", "2004-13-01T00:00:00Z", " 2004-01-01T19:48:21Z", "2004-01-01T19:48:21Z ",
        ]
        for d in dates {
            #expect(FeedDate.parse(d) == ReferenceModel.referenceDate(d), "\(d)")
        }
    }
}

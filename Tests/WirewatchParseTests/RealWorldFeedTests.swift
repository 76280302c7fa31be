import Foundation
import Testing
import WirewatchCore
@testable import WirewatchParse

/// Feeds built the way real publishers' feeds are (WordPress, Reddit, NYT,
/// arXiv, GitHub, JSON Feed, Japanese outlets), with their real breakage,
/// and what a careful reader expects of the archived `Item`s.
@Suite("Real-world feeds")
struct RealWorldFeedTests {
    static let wordpress = """
    <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
    \txmlns:content="http://purl.org/rss/1.0/modules/content/"
    \txmlns:wfw="http://wellformedweb.org/CommentAPI/"
    \txmlns:dc="http://purl.org/dc/elements/1.1/"
    \txmlns:atom="http://www.w3.org/2005/Atom"
    \txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
    \txmlns:slash="http://purl.org/rss/1.0/modules/slash/"
    \t>
    <channel>
    \t<title>Example Blog &#8211; News &amp; Views</title>
    \t<atom:link href="https://blog.example.com/feed/" rel="self" type="application/rss+xml" />
    \t<link>https://blog.example.com</link>
    \t<description>Just another WordPress site</description>
    \t<lastBuildDate>Fri, 20 Nov 2026 14:03:11 +0000</lastBuildDate>
    \t<language>en-US</language>
    \t<sy:updatePeriod>
    \thourly\t</sy:updatePeriod>
    \t<item>
    \t\t<title>It&#8217;s here: the &#8220;big&#8221; update &#038; more</title>
    \t\t<link>https://blog.example.com/2026/11/20/its-here/</link>
    \t\t<dc:creator><![CDATA[Jane O'Neil]]></dc:creator>
    \t\t<pubDate>Fri, 20 Nov 2026 14:03:09 +0000</pubDate>
    \t\t\t\t<category><![CDATA[News]]></category>
    \t\t<category><![CDATA[Releases &amp; Updates]]></category>
    \t\t<guid isPermaLink="false">https://blog.example.com/?p=1234</guid>
    \t\t\t\t\t<description><![CDATA[<p>We&#8217;re excited [&#8230;]</p>]]></description>
    \t\t\t\t\t\t\t\t\t\t<content:encoded><![CDATA[
    <p>We&#8217;re excited to announce the update.</p>
    <style>.wp-block-image{margin:0}</style>
    <script>window.dataLayer=[];</script>
    <p>Read more &raquo;</p>
    ]]></content:encoded>
    \t\t\t\t\t<wfw:commentRss>https://blog.example.com/2026/11/20/its-here/feed/</wfw:commentRss>
    \t\t\t<slash:comments>0</slash:comments>
    \t\t</item>
    \t</channel>
    </rss>
    """

    /// Reddit escapes titles twice and spaces its summaries with `&#32;`.
    static let reddit = """
    <?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">\
    <category term="swift" label="r/swift"/><updated>2026-11-21T00:30:12+00:00</updated><id>/r/swift/.rss</id>\
    <link rel="alternate" href="https://www.reddit.com/r/swift/" type="text/html" /><title>Swift</title>\
    <entry><author><name>/u/someone</name><uri>https://www.reddit.com/user/someone</uri></author>\
    <category term="swift" label="r/swift"/><content type="html">&lt;div class=&quot;md&quot;&gt;&lt;p&gt;Why?&lt;/p&gt; \
    &lt;/div&gt; &amp;#32; submitted by &amp;#32; &lt;a href=&quot;https://www.reddit.com/user/someone&quot;&gt; /u/someone &lt;/a&gt;</content>\
    <id>t3_1abcde</id><link href="https://www.reddit.com/r/swift/comments/1abcde/question/" />\
    <updated>2026-11-20T22:14:05+00:00</updated><title>Question about &quot;async let&quot; &amp;amp; Sendable</title></entry></feed>
    """

    /// The New York Times: a photo's `media:description` after the item's description.
    static let nyt = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" version="2.0">
      <channel>
        <title>NYT &gt; Top Stories</title>
        <link>https://www.nytimes.com</link>
        <item>
          <title>Trade Talks Stall as Tariff Deadline Nears</title>
          <link>https://www.nytimes.com/2026/11/20/business/trade-talks.html</link>
          <guid isPermaLink="true">https://www.nytimes.com/2026/11/20/business/trade-talks.html</guid>
          <description>Officials said on Friday that “significant gaps” remained.</description>
          <dc:creator>Ana Swanson and Alan Rappeport</dc:creator>
          <pubDate>Fri, 20 Nov 2026 19:04:22 +0000</pubDate>
          <category domain="http://www.nytimes.com/namespaces/keywords/des">International Trade and World Market</category>
          <media:content height="1800" medium="image" url="https://static01.nyt.com/images/2026/11/20/trade.jpg" width="1800"></media:content>
          <media:credit>Kenny Holston/The New York Times</media:credit>
          <media:description>Containers at the Port of Los Angeles.</media:description>
        </item>
      </channel>
    </rss>
    """

    /// arXiv's RSS 1.0: authors as escaped HTML links.
    static let arxiv = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="http://arxiv.org/"><title>cs.CL updates on arXiv.org</title><link>http://arxiv.org/</link></channel>
    <item rdf:about="http://arxiv.org/abs/2611.12345">
    <title>Scaling Laws. (arXiv:2611.12345v1 [cs.CL])</title>
    <link>http://arxiv.org/abs/2611.12345</link>
    <description rdf:parseType="Literal">&lt;p&gt;We study $x &amp;lt; y$.&lt;/p&gt;</description>
    <dc:creator> &lt;a href="http://arxiv.org/find/cs/1/au:+Doe_J/0/1/0/all/0/1"&gt;Jane Doe&lt;/a&gt;, &lt;a href="http://arxiv.org/a/roe_r_1"&gt;Richard Roe&lt;/a&gt;</dc:creator>
    </item>
    </rdf:RDF>
    """

    /// An Atom feed whose author is named once, for every entry (RFC 4287 §4.2.1).
    static let atomFeedAuthor = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom">
      <title>Jane's notes</title>
      <link href="https://jane.example.org/"/>
      <id>https://jane.example.org/</id>
      <updated>2026-11-20T18:30:02Z</updated>
      <author><name>Jane Doe</name></author>
      <entry>
        <title>Own byline</title><id>urn:a</id><link href="/a"/>
        <updated>2026-11-20T18:30:02Z</updated>
        <author><name>Guest Writer</name></author>
      </entry>
      <entry>
        <title>Feed's byline</title><id>urn:b</id><link href="/b"/>
        <updated>2026-11-19T18:30:02Z</updated>
      </entry>
    </feed>
    """

    static let jsonFeed = """
    {
      "version": "https://jsonfeed.org/version/1.1",
      "title": "My Example Feed",
      "home_page_url": "https://example.org/",
      "authors": [{"name": "Brent Simmons", "url": "https://example.org/brent"}],
      "items": [
        {"id": "2", "content_text": "Second.", "url": "https://example.org/second-item",
         "title": "Second &amp; item", "date_published": "2026-11-20T10:00:00-08:00",
         "authors": [{"name": "Manton Reece"}]},
        {"id": 1, "content_html": "<p>Hello, <b>world</b>!</p>", "url": "/first-item",
         "date_modified": "2026-11-19T09:00:00Z"}
      ]
    }
    """

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
        ("wordpress", Array(wordpress.utf8)), ("reddit", Array(reddit.utf8)), ("nyt", Array(nyt.utf8)),
        ("arxiv", Array(arxiv.utf8)), ("atom-feed-author", Array(atomFeedAuthor.utf8)),
        ("jsonfeed-authors", Array(jsonFeed.utf8)), ("undeclared-prefixes", Array(undeclaredPrefixes.utf8)),
        ("shift_jis-cp932", shiftJIS), ("podcast", Array(podcast.utf8)), ("double-escaped", Array(doubleEscaped.utf8)), ("surrogates", Array(surrogates.utf8)),
        ("utf8-declared-latin1", misdeclaredLatin1), ("latin1", latin1),
    ]

    @Test func wordpressCategoriesAreTextNotEscapedHTML() throws {
        let r = parse(Self.wordpress, url: "https://blog.example.com/feed/")
        let it = try #require(r.items.first)
        #expect(it.title == "It’s here: the “big” update & more")
        #expect(it.author == "Jane O'Neil")
        #expect(it.guid == "https://blog.example.com/?p=1234")
        #expect(it.published == utc(2026, 11, 20, 14, 3, 9))
        // WordPress stores "&" in term names as "&amp;" and wraps them in CDATA.
        #expect(it.categories == ["News", "Releases & Updates"])
        #expect(it.contentText == "We’re excited to announce the update. Read more »")
        // The feedparser result keeps the term as published.
        let tags = r.result["entries"]?.arrayValue?.first?["tags"]?.arrayValue ?? []
        #expect(tags.compactMap { $0["term"]?.stringValue } == ["News", "Releases &amp; Updates"])
    }

    @Test func redditDoubleEscapedTitleAndReferenceSpaces() throws {
        let r = parse(Self.reddit, url: "https://www.reddit.com/r/swift/.rss")
        let it = try #require(r.items.first)
        #expect(it.title == "Question about \"async let\" & Sendable")
        #expect(it.summaryText == "Why? submitted by /u/someone")
        #expect(r.result["entries"]?.arrayValue?.first?["title"]?.stringValue == "Question about \"async let\" &amp; Sendable")
    }

    @Test func spacesWrittenAsReferencesCollapse() {
        #expect(PlainText.fromHTML("a &#32; b&#10;&#10;c&#9;d") == "a b c d")
        #expect(PlainText.fromHTML("&#32;lead and trail&#32;") == "lead and trail")
    }

    @Test func leftoverReferencesInPlainText() {
        #expect(PlainText.decodingLeftoverReferences("Tom &amp; Jerry&#8217;s") == "Tom & Jerry’s")
        #expect(PlainText.decodingLeftoverReferences("AT&T & more; &bogus;") == "AT&T & more; &bogus;")
        #expect(PlainText.decodingLeftoverReferences("no references") == "no references")
    }

    @Test func nytPhotoCaptionIsNotTheBody() throws {
        let r = parse(Self.nyt)
        let it = try #require(r.items.first)
        #expect(it.content == nil)
        #expect(it.bodyText == "Officials said on Friday that “significant gaps” remained.")
        #expect(it.author == "Ana Swanson and Alan Rappeport")
        #expect(it.categories == ["International Trade and World Market"])
        // feedparser puts the second description in `content`; the JSON keeps it.
        let content = r.result["entries"]?.arrayValue?.first?["content"]?.arrayValue?.first
        #expect(content?["value"]?.stringValue == "Containers at the Port of Los Angeles.")
    }

    @Test func arxivAuthorsArePlainText() throws {
        let r = parse(Self.arxiv)
        let it = try #require(r.items.first)
        #expect(it.author == "Jane Doe, Richard Roe")
        #expect(it.summaryText == "We study $x < y$.")
    }

    @Test func atomEntriesInheritTheFeedAuthor() {
        let r = parse(Self.atomFeedAuthor, url: "https://jane.example.org/feed.atom")
        #expect(r.items.map(\.author) == ["Guest Writer", "Jane Doe"])
        #expect(r.items.map(\.link) == ["https://jane.example.org/a", "https://jane.example.org/b"])
        var streamed: [Item] = []
        _ = FeedParser().parse(Array(Self.atomFeedAuthor.utf8), context: .init()) { streamed.append($0) }
        #expect(streamed.map(\.author) == ["Guest Writer", "Jane Doe"])
        // Not in the feedparser result: it leaves the entry without an author.
        #expect(r.result["entries"]?.arrayValue?.last?["author"] == nil)
    }

    @Test func coAuthorsAreAllNamed() throws {
        let rss = parse("""
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>The Conversation</title>
        <item><title>A</title><link>https://c.example/1</link><dc:creator>Alice Smith</dc:creator>\
        <dc:creator>Bob Jones</dc:creator></item>
        <item><title>B</title><link>https://c.example/2</link><dc:creator>Alice Smith</dc:creator></item>
        </channel></rss>
        """)
        #expect(rss.items.map(\.author) == ["Alice Smith, Bob Jones", "Alice Smith"])
        // feedparser's `author` is the last one.
        #expect(rss.result["entries"]?.arrayValue?.first?["author"]?.stringValue == "Bob Jones")
        let atom = parse("""
        <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title><id>urn:1</id>\
        <author><name>First Author</name><email>f@x.example</email></author><author><name>Second Author</name></author></entry></feed>
        """)
        #expect(try #require(atom.items.first).author == "First Author, Second Author")
    }

    @Test func rssItemsDoNotInheritAnAuthor() throws {
        let r = parse(Self.nyt.replacingOccurrences(of: "<dc:creator>Ana Swanson and Alan Rappeport</dc:creator>", with: "")
            .replacingOccurrences(of: "<link>https://www.nytimes.com</link>", with: "<link>https://www.nytimes.com</link><managingEditor>ed@nyt.example (Ed)</managingEditor>"))
        #expect(try #require(r.items.first).author == nil)
    }

    @Test func jsonFeedItemsInheritAuthorsAndDecodeTitles() {
        let r = parse(Self.jsonFeed, url: "https://example.org/feed.json")
        #expect(r.version == "json11")
        #expect(r.items.map(\.author) == ["Manton Reece", "Brent Simmons"])
        #expect(r.items.map(\.title) == ["Second & item", ""])
        #expect(r.items.map(\.link) == ["https://example.org/second-item", "https://example.org/first-item"])
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

    @Test func aDeclarationAfterBlankLinesStillNamesTheEncoding() throws {
        let r = FeedParser().parse(Array("\n\n  ".utf8) + Self.shiftJIS, context: .init())
        #expect(r.encoding == "shift_jis")
        #expect(try #require(r.items.first).title == "「iPhone」発表①")
        #expect(r.isMalformed)   // libxml2: the declaration is not at the start
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

    /// A podcast feed: itunes:*, podcast:*, an enclosure URL padded with whitespace.
    static let podcast = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
    <channel><title>The Example Show</title><link>https://example.fm</link><itunes:author>Example Media</itunes:author>
    <item>
    <title>Ep. 141: Bonus</title>
    <guid isPermaLink="false">ep141</guid>
    <pubDate>Thu, 12 Nov 2026 10:00:00 -0000</pubDate>
    <enclosure url="
        https://cdn.example.fm/ep141.m4a
    " length="" type="audio/x-m4a"/>
    <itunes:duration>1:02:05</itunes:duration>
    <itunes:summary>A bonus episode &amp; more.</itunes:summary>
    <podcast:transcript url="https://example.fm/ep141.vtt" type="text/vtt"/>
    </item>
    </channel></rss>
    """

    @Test func podcastEnclosureURLIsTrimmed() throws {
        let r = parse(Self.podcast, url: "https://feeds.example.fm/show")
        let it = try #require(r.items.first)
        #expect(it.enclosures == [Enclosure(url: "https://cdn.example.fm/ep141.m4a", type: "audio/x-m4a", length: nil)])
        #expect(it.guid == "ep141")
        #expect(it.published == utc(2026, 11, 12, 10))
        #expect(it.summaryText == "A bonus episode & more.")
    }

    /// El País-like: UTF-8 bytes under an ISO-8859-1 declaration, plus a reference.
    static let misdeclaredLatin1: [UInt8] = Array("""
    <?xml version="1.0" encoding="ISO-8859-1"?>
    <rss version="2.0"><channel><title>EL PAÍS: el periódico global</title><link>https://elpais.com</link>
    <item><title>España aprueba la ley de &amp;quot;vivienda&amp;quot; &#8211; última hora</title>
    <link>https://elpais.com/espana/1.html</link><description>El Congreso aprobó la ley “ya”.</description>
    <category>Política</category></item></channel></rss>
    """.utf8)

    /// Le Monde-like: real ISO-8859-1 bytes, as declared.
    static let latin1: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Le Monde</title>".utf8)
        + Array("<item><title>R".utf8) + [0xE9] + Array("forme ".utf8) + [0xAB, 0xA0]
        + Array("ok</title></item></channel></rss>".utf8)

    @Test func utf8DeclaredAsLatin1IsRepairedInTheModelOnly() throws {
        let r = FeedParser().parse(Self.misdeclaredLatin1, context: .init())
        #expect(r.encoding == "iso-8859-1")
        #expect(r.feed.title == "EL PAÍS: el periódico global")
        let it = try #require(r.items.first)
        #expect(it.title == "España aprueba la ley de \"vivienda\" – última hora")
        #expect(it.summaryText == "El Congreso aprobó la ley “ya”.")
        #expect(it.categories == ["Política"])
        // feedparser decodes as declared; the JSON keeps that.
        #expect(r.result["feed"]?["title"]?.stringValue == "EL PAÃ\u{8D}S: el periÃ³dico global")
    }

    @Test func realLatin1IsNotTouched() throws {
        let r = FeedParser().parse(Self.latin1, context: .init())
        #expect(r.encoding == "iso-8859-1")
        #expect(try #require(r.items.first).title == "Réforme «\u{00A0}ok")
    }

    @Test func mojibakeRepairKeepsWhatIsNotMojibake() {
        #expect(Mojibake.repair("EspaÃ±a â€“ Ã©tÃ©") == "España – été")
        #expect(Mojibake.repair("plain – ascii-ish é") == "plain – ascii-ish é")
        #expect(Mojibake.repair("only ASCII") == "only ASCII")
    }

    @Test func datesWithWeekdaysAndMonthsInOtherLanguages() {
        #expect(FeedDate.parse("lun, 23 nov 2026 10:00:00 +0100") == utc(2026, 11, 23, 9))
        #expect(FeedDate.parse("Mo, 23 Dez 2026 10:00:00 +0100") == utc(2026, 12, 23, 9))
        #expect(FeedDate.parse("mer., 4 févr. 2026 10:00:00 +0100") == utc(2026, 2, 4, 9))
        #expect(FeedDate.parse("jeu., 2 juil. 2026 08:00:00 GMT") == utc(2026, 7, 2, 8))
        #expect(FeedDate.parse("mié, 19 ago 2026 10:00:00 -0300") == utc(2026, 8, 19, 13))
        #expect(FeedDate.parse("23 mrt 2026 10:00:00 +0000") == utc(2026, 3, 23, 10))
        #expect(FeedDate.parse("xyz, 23 foo 2026 10:00:00 +0000") == nil)
    }

    /// A CMS that escapes its HTML twice, in the description and the title.
    static let doubleEscaped = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0"><channel><title>Twice</title><link>https://t.example.com/</link>
    <item><title>&amp;lt;b&amp;gt;Breaking&amp;lt;/b&amp;gt; news&amp;amp;nbsp;today</title>
    <link>https://t.example.com/1</link>
    <description>&amp;lt;p&amp;gt;First&amp;amp;nbsp;paragraph.&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;Second &amp;amp;amp; last.&amp;lt;/p&amp;gt;</description>
    </item>
    <item><title>Generics: &lt;code&gt;Vec&amp;lt;T&amp;gt;&lt;/code&gt; and x &amp;lt; y</title><link>https://t.example.com/2</link></item>
    </channel></rss>
    """

    @Test func htmlEscapedTwiceIsStillRenderedAsText() throws {
        let r = parse(Self.doubleEscaped)
        #expect(r.items.map(\.title) == ["Breaking news today", "Generics: Vec<T> and x < y"])
        #expect(try #require(r.items.first).summaryText == "First paragraph. Second & last.")
        #expect(PlainText.fromHTMLEscapedOnceOrTwice("Use &lt;T&gt; &amp; co") == "Use <T> & co")
        #expect(PlainText.fromHTMLEscapedOnceOrTwice("&lt;p&gt;a&lt;/p&gt;") == "a")
        for t in ["AT&T & R&D", "x < y", "</p>", "a &amp; b", "&#8217;", "&#;", "</ p>", "<b>x", "&nbsp", "long text " + String(repeating: "&x ", count: 9) + "</em>"] {
            #expect(PlainText.hasClosingTagOrReference(t) == (t.contains("</p>") || t.contains("&amp;") || t.contains("&#8217;") || t.contains("</em>")), "\(t)")
        }
    }

    /// Emoji written as UTF-16 surrogate pairs of references (JavaScript-made feeds).
    static let surrogates = """
    <rss version="2.0"><channel><title>T</title><item><title>Party &#55356;&#57225; time &#xD83D;&#xDE00;</title>
    <link>https://x.example/1</link><description><![CDATA[<p>Smile &#55357;&#56832; &#x1F600; ok</p>]]></description></item></channel></rss>
    """

    @Test func surrogatePairReferencesAreOneCharacter() throws {
        let r = parse(Self.surrogates)
        let it = try #require(r.items.first)
        #expect(it.title == "Party 🎉 time 😀")
        #expect(it.summaryText == "Smile 😀 😀 ok")
        #expect(r.result["entries"]?.arrayValue?.first?["title"]?.stringValue == "Party 🎉 time 😀")
        // A lone half is still no character.
        #expect(PlainText.fromHTML("a &#55357; b") == "a &#55357; b")
    }

    @Test func twelveHourClockDates() {
        #expect(FeedDate.parse("Fri, 20 Nov 2026 4:30:00 PM GMT") == utc(2026, 11, 20, 16, 30))
        #expect(FeedDate.parse("Fri, 20 Nov 2026 12:05:00 AM +0100") == utc(2026, 11, 19, 23, 5))
        #expect(FeedDate.parse("Fri, 20 Nov 2026 12:05 PM") == utc(2026, 11, 20, 12, 5))
        #expect(FeedDate.parse("Fri, 20 Nov 2026 13:05:00 PM GMT") == nil)
    }
}

import Foundation
import Testing
@testable import WirewatchParse

@Suite("Broken input")
struct BrokenInputTests {
    @Test func htmlEntitiesAreDecoded() {
        let r = parse("<rss version=\"2.0\"><channel><title>caf&eacute;&nbsp;bar &hellip; &euro;5</title></channel></rss>")
        #expect(r.feed.title == "café\u{a0}bar … €5")
        #expect(r.isMalformed)   // undeclared entities are not XML
        #expect(r.problem?.contains("eacute") == true)
    }

    @Test func htmlEntitiesInAttributes() {
        let r = parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><link rel=\"alternate\" href=\"http://x/?a=1&amp;b=caf&eacute;\"/></feed>")
        #expect(r.feed.link == "http://x/?a=1&b=café")
    }

    @Test func entitiesAcrossChunkBoundaries() {
        // Over 64 KiB, so references straddle the push parser's chunks.
        var xml = "<rss version=\"2.0\"><channel>"
        for i in 0..<4000 { xml += "<item><title>caf&eacute;&nbsp;\(i) &amp; co &#X41;</title></item>" }
        xml += "</channel></rss>"
        let r = parse(xml)
        #expect(r.items.count == 4000)
        #expect(r.items.allSatisfy { $0.title.hasPrefix("café\u{a0}") && $0.title.hasSuffix(" & co A") })
        #expect(r.items[3999].title == "café\u{a0}3999 & co A")
    }

    @Test func ampersandsInCDATAAndCommentsAreLeftAlone() {
        let r = parse("<rss version=\"2.0\"><channel><!-- a & b --><item><description><![CDATA[AT&T &nbsp; <b>x</b>]]></description></item></channel></rss>")
        #expect(r.items.first?.summary == "AT&amp;T &nbsp; <b>x</b>")
        #expect(r.items.first?.summaryText == "AT&T x")
        #expect(!r.isMalformed)
    }

    @Test func unknownEntityStaysLiteral() {
        let r = parse("<rss><channel><title>testing &doesnotexist; entity</title></channel></rss>")
        #expect(r.feed.title == "testing &doesnotexist; entity")
    }

    @Test func unescapedAmpersandInLink() {
        let r = parse("<rss version=\"2.0\"><channel><item><link>http://example/?a=1&b=2&c</link></item></channel></rss>")
        #expect(r.items.first?.link == "http://example/?a=1&b=2&c")
        #expect(r.isMalformed)
    }

    @Test func truncatedDocumentKeepsCompleteItems() throws {
        let xml = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>T</title>
        <item><title>One</title><link>http://e/1</link></item>
        <item><title>Two</title><link>http://e/2</link></item>
        <item><title>Thr
        """
        let r = parse(xml)
        #expect(r.isMalformed)
        #expect(r.problem != nil)
        try #require(r.items.count >= 2)
        #expect(r.items[0].title == "One")
        #expect(r.items[1].link == "http://e/2")
    }

    @Test func wrongNestingIsFlaggedWithLine() {
        let xml = "<rss version=\"2.0\">\n<channel>\n<item><title>A</title></channel>\n<item><title>B</title></item>\n</rss>"
        let r = parse(xml)
        #expect(r.isMalformed)
        #expect(r.problem?.hasPrefix("line ") == true)
        #expect(r.items.first?.title == "A")
    }

    @Test func junkBeforeDeclaration() {
        let r = parse("\n\n  junk <?xml version=\"1.0\"?><rss><channel><title>X</title></channel></rss>")
        #expect(r.isMalformed)
    }

    @Test func emptyAndGarbageNeverCrash() {
        for s in ["", "<", "<rss", "\u{0}\u{1}", "{", "{\"version\": 1}", "<?xml?>", "<![CDATA[", "&&&&", "<a><b></a></b>"] {
            let r = parse(s)
            #expect(r.isMalformed || r.items.isEmpty)
            _ = r.feedparserJSON()
        }
    }

    @Test func windows1252DeclaredUTF8IsRecovered() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>don".utf8)
        bytes.append(0x92) // ’ in Windows-1252, invalid UTF-8
        bytes += Array("t</title></channel></rss>".utf8)
        let r = FeedParser().parse(bytes)
        #expect(r.feed.title == "don\u{2019}t")
        #expect(r.encoding == "windows-1252")
        #expect(r.isMalformed)
    }

    @Test func httpCharsetAndUTF16() {
        let xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>caf\u{e9}</title></channel></rss>"
        var u16: [UInt8] = [0xFF, 0xFE]
        for u in xml.utf16 { u16.append(UInt8(u & 0xFF)); u16.append(UInt8(u >> 8)) }
        let r = FeedParser().parse(u16)
        #expect(r.encoding == "utf-16le")
        #expect(r.feed.title == "café")
        let latin1 = xml.unicodeScalars.map { UInt8($0.value) }
        let h = FeedParser().parse(latin1, context: ParseContext(url: "http://e/f", headers: ["content-type": "application/rss+xml; charset=ISO-8859-1"]))
        #expect(h.encoding == "iso-8859-1")
        #expect(h.feed.title == "café")
        #expect(!h.isMalformed)
    }
}

import Foundation
import Testing
@testable import WirewatchParse

@Suite("HTTP context and DOCTYPE")
struct HTTPContextTests {
    @Test func headersReachTheJSON() throws {
        let r = parse("<rss version=\"2.0\"><channel><title>T</title></channel></rss>",
                      url: "http://example.com/feed",
                      headers: ["Content-Type": "application/rss+xml", "ETag": "\"abc\"",
                                "Last-Modified": "Thu, 01 Jan 2004 19:48:21 GMT", "Content-Language": "fr"])
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.feedparserJSON().utf8)) as? [String: Any])
        #expect(obj["href"] as? String == "http://example.com/feed")
        #expect(obj["etag"] as? String == "\"abc\"")
        #expect(obj["modified_parsed"] as? String == "2004-01-01T19:48:21Z")
        #expect(r.feed.language == nil || r.feed.language == "fr")
        #expect(!r.isMalformed)
    }

    @Test func textPlainIsFlaggedButParsed() {
        let r = parse("<rss version=\"2.0\"><channel><title>T</title></channel></rss>",
                      url: "http://example.com/feed", headers: ["Content-Type": "text/plain"])
        #expect(r.isMalformed)
        #expect(r.feed.title == "T")
    }

    /// A server's default `charset=ISO-8859-1` on a UTF-8 document: the bytes win
    /// (and the feed is flagged); Latin-1 bytes still decode as Latin-1.
    @Test func aServerDefaultLatin1CharsetDoesNotGarbleUTF8() {
        let utf8 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Grève générale — jour 2</title></channel></rss>"
        for contentType in ["application/rss+xml; charset=ISO-8859-1", "text/xml; charset=iso-8859-1", "text/xml"] {
            let r = parse(utf8, url: "http://example.com/feed", headers: ["Content-Type": contentType])
            #expect(r.feed.title == "Grève générale — jour 2")
            #expect(r.encoding == "utf-8")
            #expect(r.isMalformed)
        }
        let latin1 = Array("<rss version=\"2.0\"><channel><title>Gr".utf8) + [0xE8] + Array("ve</title></channel></rss>".utf8)
        let r = FeedParser().parse(latin1, context: ParseContext(url: "http://example.com/feed", headers: ["Content-Type": "application/rss+xml; charset=ISO-8859-1"]))
        #expect(r.feed.title == "Grève")
        #expect(r.encoding == "iso-8859-1")
        #expect(!r.isMalformed)
    }

    @Test func contentLocationIsTheBase() {
        let r = parse("<rss version=\"2.0\"><channel><item><link>a.html</link></item></channel></rss>",
                      url: "http://example.com/x/feed", headers: ["Content-Type": "application/xml", "Content-Location": "/y/feed"])
        #expect(r.items.first?.link == "http://example.com/y/a.html")
    }

    @Test func internalEntityDeclaredInDoctype() {
        let xml = """
        <!DOCTYPE rss [ <!ENTITY id "tag:example.com,"> ]>
        <rss version="2.0"><channel><item><guid isPermaLink="false">&id;2006:1</guid></item></channel></rss>
        """
        let r = parse(xml)
        #expect(r.items.first?.guid == "tag:example.com,2006:1")
        #expect(!r.isMalformed)
    }
}

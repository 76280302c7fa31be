import Foundation
import Testing
@testable import WirewatchParse

@Suite("Safety")
struct SafetyTests {
    @Test func billionLaughsFailsFast() {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
         <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
         <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
         <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
         <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
         <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>&lol9;</title><item><title>after</title></item></channel></rss>
        """
        let start = ContinuousClock.now
        let r = parse(xml)
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect((r.feed.title ?? "").utf8.count < 1000)
        #expect(r.items.first?.title == "after")
    }

    @Test func externalFileEntityIsNotSubstituted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ww-xxe-\(UUID().uuidString).txt")
        try "TOP-SECRET".write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file://\(path.path)"> ]>
        <rss version="2.0"><channel><title>T&xxe;</title></channel></rss>
        """
        let r = parse(xml)
        #expect(!r.feedparserJSON().contains("TOP-SECRET"))
        #expect(r.feed.title?.contains("TOP-SECRET") == false)
    }

    @Test func externalDTDIsNotLoaded() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ww-dtd-\(UUID().uuidString).dtd")
        try "<!ENTITY secret \"TOP-SECRET\">".write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss SYSTEM "file://\(path.path)">
        <rss version="2.0"><channel><title>&secret;</title></channel></rss>
        """
        #expect(!parse(xml).feedparserJSON().contains("TOP-SECRET"))
    }

    @Test func maxDocumentSize() {
        var o = ParseOptions()
        o.maxDocumentBytes = 100
        let xml = "<rss version=\"2.0\"><channel><title>T</title>" + String(repeating: "<item><title>x</title></item>", count: 50) + "</channel></rss>"
        let r = parse(xml, options: o)
        #expect(r.isMalformed)
        #expect(r.problem?.contains("larger than 100 bytes") == true)
        #expect(r.items.count < 5)
    }

    @Test func maxDepth() {
        var o = ParseOptions()
        o.maxDepth = 64
        let deep = String(repeating: "<x>", count: 10_000)
        let r = parse("<rss version=\"2.0\"><channel><title>T</title>" + deep, options: o)
        #expect(r.isMalformed)
        #expect(r.problem?.contains("nesting deeper than 64") == true)
        #expect(r.feed.title == "T")
    }

    @Test func concurrentParsesAreIndependent() async {
        let xml = RSS20Tests.feed
        await withTaskGroup(of: Int.self) { g in
            for _ in 0..<16 { g.addTask { parse(xml).items.count } }
            for await n in g { #expect(n == 2) }
        }
    }
}

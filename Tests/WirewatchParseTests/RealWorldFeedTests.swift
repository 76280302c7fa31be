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
        ("undeclared-prefixes", Array(undeclaredPrefixes.utf8)),
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
}

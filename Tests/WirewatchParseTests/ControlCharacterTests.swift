import Testing
import WirewatchCore
@testable import WirewatchParse

/// C0 control characters XML forbids, as real feeds carry them (Word's vertical
/// tab for a manual line break, form feeds, stray escapes from CMS exports).
@Suite("Control characters in a feed")
struct ControlCharacterTests {
    static func rss(_ items: [(title: String, description: String)]) -> [UInt8] {
        let body = items.map { "<item><title>\($0.title)</title><description>\($0.description)</description></item>" }.joined()
        return Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>\(body)</channel></rss>".utf8)
    }

    @Test func verticalTabsAndFormFeedsSeparateWordsAndTheMarkupAfterThemSurvives() {
        let parsed = FeedParser().parse(Self.rss([
            ("line\u{0B}break here", "first\u{0C}second &lt;b&gt;x\u{0B}y&lt;/b&gt; &amp; more"),
            ("next item", "plain"),
        ]))
        #expect(parsed.items.map(\.title) == ["line break here", "next item"])
        // Before: "firstsecond bxy/b & more" (libxml2's recovery lost the escaped tags).
        #expect(parsed.items.first?.summary == "first second <b>x y</b> &amp; more")
        #expect(parsed.items.first?.bodyText == "first second x y & more")
        #expect(parsed.isMalformed)
        #expect(parsed.problem?.contains("line 1") == true)
        #expect(parsed.problem?.contains("invalid characters removed") == true)
    }

    @Test func otherControlsAreRemoved() {
        let parsed = FeedParser().parse(Self.rss([("a\u{01}b\u{1B}c", "x &lt;i&gt;y\u{08}z&lt;/i&gt;")]))
        #expect(parsed.items.first?.title == "abc")
        #expect(parsed.items.first?.summary == "x <i>yz</i>")
    }

    @Test func noncharactersAreRemovedToo() {
        let parsed = FeedParser().parse(Self.rss([("a\u{FFFF}b", "x &lt;b&gt;y\u{FFFE}z&lt;/b&gt; w")]))
        #expect(parsed.items.first?.title == "ab")
        #expect(parsed.items.first?.summary == "x <b>yz</b> w")  // before: "x <b>yz/b w"
        #expect(parsed.problem?.contains("invalid characters removed") == true)
    }

    @Test func streamedItemsAreHandedOutOnceWhenTheDocumentIsParsedAgain() {
        // The first two items are streamed before the parser meets the control
        // character in the third; the second pass must not stream them again.
        var titles: [String] = []
        let parsed = FeedParser().parse(Self.rss([
            ("one", "a"), ("two", "b"), ("thr\u{0B}ee", "c &lt;b&gt;d&lt;/b&gt;"), ("four", "e"),
        ])) { titles.append($0.title) }
        #expect(titles == ["one", "two", "thr ee", "four"])
        #expect(parsed.isMalformed)
    }

    @Test func aCleanDocumentIsParsedOnce() {
        let parsed = FeedParser().parse(Self.rss([("tab\there", "new\nline")]))
        #expect(parsed.items.first?.title == "tab here")
        #expect(!parsed.isMalformed)
    }
}

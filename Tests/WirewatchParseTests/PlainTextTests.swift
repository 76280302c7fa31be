import Testing
@testable import WirewatchParse

@Suite("Plain text")
struct PlainTextTests {
    @Test func stripsTagsDecodesEntitiesCollapsesSpace() {
        #expect(PlainText.fromHTML("<p>Hello,\n  <b>world</b>&nbsp;&amp; caf&eacute;&#8217;s</p>") == "Hello, world & café’s")
    }

    @Test func dropsScriptStyleAndComments() {
        #expect(PlainText.fromHTML("a<script>var x = '<p>';</script>b<style>p{}</style>c<!-- hidden -->d") == "abcd")
    }

    @Test func blockElementsSeparateWords() {
        #expect(PlainText.fromHTML("<p>one</p><p>two</p><br>three") == "one two three")
    }

    @Test func loneAngleBracketIsText() {
        #expect(PlainText.fromHTML("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2")
    }
}

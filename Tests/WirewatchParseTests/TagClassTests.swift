import Testing
@testable import WirewatchParse

/// `TagClass` switches over packed constants; these tie them to the names.
struct TagClassTests {
    static let inline = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "big", "tt", "strike", "ins", "del",
    ]

    @Test func inlineNamesAreInline() {
        for name in Self.inline { #expect(TagClass.isInline(PlainText.packed(name)), "\(name)") }
        for name in ["p", "div", "br", "li", "h1", "table", "script", "style", "img", "strongs", "ab"] {
            #expect(!TagClass.isInline(PlainText.packed(name)), "\(name)")
        }
    }

    @Test func scriptAndStyle() {
        #expect(TagClass.script == PlainText.packed("script"))
        #expect(TagClass.style == PlainText.packed("style"))
    }

    @Test func rewrittenNamesAreVoidElementsAndForeignRoots() {
        let names = Array(XHTMLWriter.voidElements) + ["svg", "math"]
        for name in names { #expect(TagClass.needsRewrite(PlainText.packed(name)), "\(name)") }
        for name in ["a", "p", "div", "span", "b", "li", "brr", "svgs", "imgs"] {
            #expect(!TagClass.needsRewrite(PlainText.packed(name)), "\(name)")
        }
    }
}

extension TagClassTests {
    @Test func voidNamesAreVoid() {
        for name in XHTMLWriter.voidElements { #expect(TagClass.isVoid(PlainText.packed(name)), "\(name)") }
        for name in ["svg", "math", "a", "p", "div", "span", "brr"] { #expect(!TagClass.isVoid(PlainText.packed(name)), "\(name)") }
        #expect(TagClass.svg == PlainText.packed("svg"))
        #expect(TagClass.math == PlainText.packed("math"))
    }
}

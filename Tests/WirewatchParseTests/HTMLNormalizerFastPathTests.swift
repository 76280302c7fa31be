import Testing
@testable import WirewatchParse

/// The start-tag fast paths of `HTMLNormalizer` (tags already in normal
/// form, simple tags rewritten from bytes) must write exactly what the
/// general path writes. Tags are generated from pieces that hit each rule
/// of the fast paths and the ways out of them.
struct HTMLNormalizerFastPathTests {
    static let names = ["img", "a", "p", "br", "hr", "td", "blockquote", "input", "svg", "Img", "my-tag", "q", "basefont"]
    static let attributes = [
        #"src="pic.png""#, #"src="https://cdn.example.com/a.png""#, #"alt="A &amp; B""#, #"alt="x > y""#, #"alt="""#,
        #"width="600""#, #"height="400""#, #"href="/relative/page""#, #"href="https://example.org/x?a=1&b=2""#,
        #"rel="NoFollow""#, #"rel="nofollow""#, #"type="text/html""#, #"type="Text/HTML""#, #"title="café""#,
        #"data-id="7""#, #"data_x="1""#, #"cite="../up""#, #"alt='single'"#, #"checked"#, #"SRC="upper.png""#,
        #"src="  spaced.png ""#, #"longdesc="d.html""#, #"src="pic.png""#, #"rel="ÉTÉ""#,
    ]
    static let closings = [">", "/>", " />", " >", "  >", "/ >"]

    @Test func simpleTagsMatchTheGeneralPath() {
        var generator = SplitMix(seed: 42)
        for base in ["", "http://example.org/dir/feed.xml"] {
            for type in ["text/html", "application/xhtml+xml"] {
                for _ in 0..<3000 {
                    let name = Self.names[generator.next(Self.names.count)]
                    var tag = "<" + name
                    for _ in 0..<generator.next(5) {
                        tag += (generator.next(8) == 0 ? "  " : " ") + Self.attributes[generator.next(Self.attributes.count)]
                    }
                    tag += Self.closings[generator.next(Self.closings.count)]
                    let html = "x" + tag + "y</" + name + ">"
                    #expect(HTMLNormalizer.normalize(html, base: base, type: type)
                            == HTMLNormalizer.normalizeGenerally(html, base: base, type: type), "\(html)")
                }
            }
        }
    }
}

/// A small deterministic generator (the test must not depend on a seedless one).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

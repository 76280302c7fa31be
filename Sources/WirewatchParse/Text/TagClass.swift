/// Tag names packed into a UInt64 (`PlainText.packed`: one byte per
/// character, the first the most significant), classified by a `switch`
/// over constants. The scanners ask for every tag; a `static let` set cost
/// a `swift_once` call and a bisection per lookup, a switch costs a few
/// compares. `TagClassTests` checks the constants against the names.
enum TagClass {
    /// Inline phrasing elements: no word break in the plain text.
    /// a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q
    /// s samp small span strike strong sub sup time tt u var wbr.
    @inline(__always) static func isInline(_ key: UInt64) -> Bool {
        switch key {
        case 0x61, 0x62, 0x69, 0x71, 0x73, 0x75,                         // a b i q s u
             0x656d, 0x7474,                                             // em tt
             0x626469, 0x62646f, 0x626967, 0x64656c, 0x64666e, 0x696e73, // bdi bdo big del dfn ins
             0x6b6264, 0x737562, 0x737570, 0x766172, 0x776272,           // kbd sub sup var wbr
             0x61626272, 0x63697465, 0x636f6465, 0x64617461, 0x666f6e74, // abbr cite code data font
             0x6d61726b, 0x73616d70, 0x7370616e, 0x74696d65,             // mark samp span time
             0x736d616c6c,                                               // small
             0x737472696b65, 0x7374726f6e67:                             // strike strong
            return true
        default:
            return false
        }
    }

    static let script: UInt64 = 0x736372697074   // "script"
    static let style: UInt64 = 0x7374796c65      // "style"

    static let svg: UInt64 = 0x737667            // "svg"
    static let math: UInt64 = 0x6d617468         // "math"

    /// Void elements (`XHTMLWriter.voidElements`) and svg / math: start
    /// tags the HTML normalizer must rewrite rather than copy.
    @inline(__always) static func needsRewrite(_ key: UInt64) -> Bool {
        isVoid(key) || key == svg || key == math
    }

    /// `XHTMLWriter.voidElements`: written `<br />`.
    @inline(__always) static func isVoid(_ key: UInt64) -> Bool {
        switch key {
        case 0x6272, 0x6872,                                             // br hr
             0x636f6c, 0x696d67, 0x776272,                               // col img wbr
             0x61726561, 0x62617365, 0x6c696e6b, 0x6d657461,             // area base link meta
             0x656d626564, 0x6672616d65, 0x696e707574, 0x706172616d,     // embed frame input param
             0x747261636b,                                               // track
             0x6b657967656e, 0x736f75726365,                             // keygen source
             0x636f6d6d616e64, 0x6973696e646578,                         // command isindex
             0x62617365666f6e74:                                         // basefont
            return true
        default:
            return false
        }
    }
}

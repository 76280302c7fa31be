/// Serializes XHTML inline content back to markup (Atom `type="xhtml"`
/// and markup found inside text constructs), as feedparser does.
enum XHTMLWriter {
    static let voidElements: Set<String> = [
        "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// `voidElements.contains(local)`, without hashing (no void name is
    /// longer than eight bytes).
    static func isVoid(_ local: String) -> Bool {
        local.utf8.count <= 8 && TagClass.isVoid(PlainText.packed(local))
    }

    static let svgNS = "http://www.w3.org/2000/svg"
    static let mathNS = "http://www.w3.org/1998/Math/MathML"

    /// SVG and MathML keep their camelCase names (`baseProfile`,
    /// `linearGradient`); HTML names are lower-cased, as feedparser does.
    static func isForeign(_ name: ElementName) -> Bool { name.uri == svgNS || name.uri == mathNS }

    static func endName(_ name: ElementName) -> String {
        isForeign(name) ? (name.rawLocal ?? name.local) : name.local
    }

    /// The start tag, as one piece of `text` (written in parts: the
    /// String concatenations it replaces showed in profiles).
    static func writeStartTag(_ name: ElementName, attrs: [(String, String)], rawNames: [String], rawLocal: String?,
                              into text: TextArena) {
        let foreign = isForeign(name)
        let local = foreign ? (rawLocal ?? name.local) : name.local
        text.beginPiece()
        text.put("<")
        text.put(local)
        for (i, (k, v)) in attrs.enumerated() {
            let key = foreign && i < rawNames.count ? rawNames[i] : k
            text.put(" ")
            text.put(key)
            text.put("=\"")
            text.put(escapeAttr(v))
            text.put("\"")
        }
        if foreign, name.local == "svg" || name.local == "math", !attrs.contains(where: { $0.0 == "xmlns" }) {
            text.put(" xmlns=\"")
            text.put(name.uri)
            text.put("\"")
        }
        text.put(isVoid(local) ? " />" : ">")
    }

    /// The end tag, as one piece of `text`.
    static func writeEndTag(_ name: ElementName, into text: TextArena) {
        text.beginPiece()
        text.put("</")
        text.put(endName(name))
        text.put(">")
    }

    static func escapeAttr(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 }) else { return s }
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}

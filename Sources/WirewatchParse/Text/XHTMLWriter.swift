/// Serializes XHTML inline content back to markup (Atom `type="xhtml"`
/// and markup found inside text constructs), as feedparser does.
enum XHTMLWriter {
    static let voidElements: Set<String> = [
        "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img", "input", "isindex",
        "keygen", "link", "meta", "param", "source", "track", "wbr",
    ]

    static func isVoid(_ local: String) -> Bool { voidElements.contains(local) }

    static let svgNS = "http://www.w3.org/2000/svg"
    static let mathNS = "http://www.w3.org/1998/Math/MathML"

    /// SVG and MathML keep their camelCase names (`baseProfile`,
    /// `linearGradient`); HTML names are lower-cased, as feedparser does.
    static func isForeign(_ name: ElementName) -> Bool { name.uri == svgNS || name.uri == mathNS }

    static func endName(_ name: ElementName) -> String {
        isForeign(name) ? (name.rawLocal ?? name.local) : name.local
    }

    static func startTag(_ name: ElementName, attrs: [(String, String)], rawNames: [String], rawLocal: String?) -> String {
        let foreign = isForeign(name)
        let local = foreign ? (rawLocal ?? name.local) : name.local
        var s = "<" + local
        for (i, (k, v)) in attrs.enumerated() {
            let key = foreign && i < rawNames.count ? rawNames[i] : k
            s += " " + key + "=\"" + escapeAttr(v) + "\""
        }
        if foreign, name.local == "svg" || name.local == "math", !attrs.contains(where: { $0.0 == "xmlns" }) {
            s += " xmlns=\"" + name.uri + "\""
        }
        s += isVoid(local) ? " />" : ">"
        return s
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

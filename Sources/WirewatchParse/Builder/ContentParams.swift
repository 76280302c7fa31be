/// feedparser's `contentparams`: the type, language and base of the text
/// construct being read, plus transient flags.
struct ContentParams {
    var type: String? {
        didSet { isXHTML = type == "application/xhtml+xml" }
    }
    /// `type == "application/xhtml+xml"`, kept up to date for the per-event checks.
    private(set) var isXHTML = false
    var language: String?
    var base: String?
    var src: String?
    var base64 = false
    var active = false

    static let htmlTypes: Set<String> = ["application/xhtml+xml", "text/html"]

    /// `htmlTypes.contains(t)` without hashing.
    @inline(__always) static func isHTMLType(_ t: String) -> Bool {
        t == "text/html" || t == "application/xhtml+xml"
    }

    static func mapType(_ t: String) -> String {
        // The usual values are already in their mapped form: skip lowercased().
        switch t {
        case "text/html", "text/plain", "application/xhtml+xml": return t
        default: break
        }
        let l = t.lowercased()
        switch l {
        case "text", "plain": return "text/plain"
        case "html": return "text/html"
        case "xhtml": return "application/xhtml+xml"
        default: return l
        }
    }

    /// The `X_detail` dictionary.
    func detail(value: String) -> FPDict {
        let d = FPDict(capacity: 5)
        d["type"] = .string(type ?? "text/plain")
        d["language"] = language.map { .string($0) } ?? .null
        d["base"] = .string(base ?? "")
        if let src { d["src"] = .string(src) }
        d["value"] = .string(value)
        return d
    }
}

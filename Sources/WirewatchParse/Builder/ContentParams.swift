/// feedparser's `contentparams`: the type, language and base of the text
/// construct being read, plus transient flags.
struct ContentParams {
    var type: String?
    var language: String?
    var base: String?
    var src: String?
    var base64 = false
    var active = false

    static let htmlTypes: Set<String> = ["application/xhtml+xml", "text/html"]

    static func mapType(_ t: String) -> String {
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
        let d = FPDict()
        d["type"] = .string(type ?? "text/plain")
        d["language"] = language.map { .string($0) } ?? .null
        d["base"] = .string(base ?? "")
        if let src { d["src"] = .string(src) }
        d["value"] = .string(value)
        return d
    }
}

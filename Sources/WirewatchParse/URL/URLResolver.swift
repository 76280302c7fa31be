/// Relative-reference resolution (RFC 3986 §5.2, with the quirks of
/// Python's `urljoin` that feedparser's expectations encode) and
/// feedparser's scheme allow-list.
enum URLResolver {
    static let acceptableSchemes: Set<String> = [
        "file", "ftp", "gopher", "h323", "hdl", "http", "https", "imap", "magnet", "mailto", "mms", "news", "nntp",
        "prospero", "rsync", "rtsp", "rtspu", "sftp", "shttp", "sip", "sips", "snews", "svn", "svn+ssh", "telnet",
        "wais", "aim", "callto", "cvs", "facetime", "feed", "git", "gtalk", "irc", "ircs", "irc6", "itms", "msnim",
        "skype", "ssh", "smb", "ymsg",
    ]
    /// Schemes for which Python's urljoin resolves relative references.
    static let relativeSchemes: Set<String> = [
        "", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp", "mms", "prospero", "rtsp",
        "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss",
    ]

    /// feedparser's `make_safe_absolute_uri`; nil stands for "".
    static func makeSafeAbsolute(base: String, _ rel: String?) -> String? {
        guard !base.isEmpty else { return rel ?? "" }
        guard let rel, !rel.isEmpty else {
            let s = scheme(of: base)
            return (s.isEmpty || acceptableSchemes.contains(s)) ? base : ""
        }
        let uri = join(base, rel)
        let s = Text.strip(uri).split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return acceptableSchemes.contains(s) ? uri : ""
    }

    static func scheme(of s: String) -> String {
        var out = ""
        for (i, c) in s.enumerated() {
            if c == ":" { return i > 0 ? out.lowercased() : "" }
            if !(c.isASCII && (c.isLetter || (i > 0 && (c.isNumber || c == "+" || c == "-" || c == ".")))) { return "" }
            out.append(c)
        }
        return ""
    }

    struct Parts {
        var scheme = "", authority: String?, path = "", query: String?, fragment: String?
    }

    static func split(_ s: String) -> Parts {
        var p = Parts()
        var rest = Substring(s)
        let sc = scheme(of: s)
        if !sc.isEmpty { p.scheme = sc; rest = rest.dropFirst(sc.count + 1) }
        if let h = rest.firstIndex(of: "#") { p.fragment = String(rest[rest.index(after: h)...]); rest = rest[..<h] }
        if let q = rest.firstIndex(of: "?") { p.query = String(rest[rest.index(after: q)...]); rest = rest[..<q] }
        if rest.hasPrefix("//") {
            let a = rest.dropFirst(2)
            let e = a.firstIndex(of: "/") ?? a.endIndex
            p.authority = String(a[..<e])
            rest = a[e...]
        }
        p.path = String(rest)
        return p
    }

    static func compose(_ p: Parts) -> String {
        var s = ""
        if !p.scheme.isEmpty { s += p.scheme + ":" }
        if let a = p.authority { s += "//" + a }
        s += p.path
        if let q = p.query { s += "?" + q }
        if let f = p.fragment { s += "#" + f }
        return s
    }

    /// feedparser's `_urljoin`: fix `scheme:///x` then Python's `urljoin`.
    static func join(_ base: String, _ refIn: String) -> String {
        let ref = fixSlashes(refIn)
        if base.isEmpty { return ref }
        if ref.isEmpty { return base }
        let b = split(base)
        var r = split(ref)
        if !r.scheme.isEmpty, r.scheme != b.scheme || !relativeSchemes.contains(r.scheme) { return ref }
        if !relativeSchemes.contains(b.scheme) { return ref }
        if r.scheme.isEmpty { r.scheme = b.scheme }
        if r.authority != nil {
            r.path = removeDots(r.path)
            return compose(r)
        }
        r.authority = b.authority
        if r.path.isEmpty {
            r.path = b.path
            if r.query == nil { r.query = b.query }
            return compose(r)
        }
        if r.path.hasPrefix("/") {
            r.path = removeDots(r.path)
        } else {
            var bp = b.path
            if let slash = bp.lastIndex(of: "/") { bp = String(bp[...slash]) } else { bp = b.authority != nil ? "/" : "" }
            r.path = removeDots(bp + r.path)
        }
        return compose(r)
    }

    static func removeDots(_ path: String) -> String {
        guard path.contains(".") else { return path }
        let segs = path.split(separator: "/", omittingEmptySubsequences: false)
        var out: [Substring] = []
        for (i, s) in segs.enumerated() {
            let last = i == segs.count - 1
            if s == "." {
                if last { out.append("") }
            } else if s == ".." {
                if out.count > 1 { out.removeLast() }
                if last { out.append("") }
            } else {
                out.append(s)
            }
        }
        var r = out.joined(separator: "/")
        if path.hasPrefix("/") && !r.hasPrefix("/") { r = "/" + r }
        return r
    }

    /// `^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)` → `\1\3`.
    static func fixSlashes(_ s: String) -> String {
        let sc = scheme(of: s)
        guard !sc.isEmpty else { return s }
        let after = s.dropFirst(sc.count + 1)
        guard after.hasPrefix("//") else { return s }
        var rest = after.dropFirst(2)
        guard rest.hasPrefix("/") else { return s }
        while rest.hasPrefix("/") { rest = rest.dropFirst() }
        return String(s.prefix(sc.count + 3)) + rest
    }
}

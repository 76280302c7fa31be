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
    static func makeSafeAbsolute(base: String, _ relIn: String?) -> String? {
        guard !base.isEmpty else { return relIn ?? "" }
        // Leading C0 controls and spaces are not part of a reference (Python's
        // urlsplit and the WHATWG URL parser drop them): an enclosure url
        // written on its own line is absolute, not relative to the feed.
        var rel = relIn
        if let r = rel, let f = r.utf8.first, f <= 0x20 { rel = String(r.drop { $0.unicodeScalars.first!.value <= 0x20 }) }
        guard let rel, !rel.isEmpty else {
            let s = scheme(of: base)
            return (s.isEmpty || acceptableSchemes.contains(s)) ? base : ""
        }
        if isPlainAbsoluteHTTP(rel) { return rel }
        let uri = join(base, rel)
        let s = Text.strip(uri).split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return acceptableSchemes.contains(s) ? uri : ""
    }

    /// The scheme (lower-cased), or "" when `s` has none. Byte-level.
    static func scheme(of s: String) -> String {
        var u = s.utf8.makeIterator()
        var bytes: [UInt8] = []
        var i = 0
        while let c = u.next() {
            if c == 58 { return i > 0 ? String(decoding: bytes, as: UTF8.self).lowercased() : "" }
            let alpha = (c | 0x20) >= 97 && (c | 0x20) <= 122
            let other = i > 0 && ((c >= 48 && c <= 57) || c == 43 || c == 45 || c == 46)
            guard alpha || other, i < 32 else { return "" }
            bytes.append(c)
            i += 1
        }
        return ""
    }

    /// `http://…` / `https://…` in a form Python's `urljoin` would return
    /// unchanged: such references need no parsing at all (the common case).
    /// `isPlainAbsoluteHTTP` on UTF-8 bytes, without making a String.
    static func isPlainAbsoluteHTTP(bytes v: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = v.count
        let p: Int
        if n >= 7, v[0] == 104, v[1] == 116, v[2] == 116, v[3] == 112 {
            if v[4] == 58, v[5] == 47, v[6] == 47 { p = 7 }
            else if n >= 8, v[4] == 115, v[5] == 58, v[6] == 47, v[7] == 47 { p = 8 }
            else { return false }
        } else {
            return false
        }
        guard n > p else { return false }
        // The String version drops the prefix by Characters: let it decide
        // when a non-ASCII character follows the prefix.
        if v[p] >= 0x80 { return isPlainAbsoluteHTTP(String(utf8Bytes: v)) }
        let l = v[n - 1]
        guard v[p] != 47, l != 63, l != 35 else { return false }
        var prevQ = false
        for k in p..<n {
            let c = v[k]
            if c == 35 && prevQ { return false }
            if c <= 32 { return false }
            prevQ = c == 63
        }
        return true
    }

    static func isPlainAbsoluteHTTP(_ s: String) -> Bool {
        let u = s.utf8
        let rest: Substring.UTF8View
        if u.starts(with: "http://".utf8) { rest = s.dropFirst(7).utf8 }
        else if u.starts(with: "https://".utf8) { rest = s.dropFirst(8).utf8 }
        else { return false }
        guard let f = rest.first, f != 47, let l = rest.last, l != 63, l != 35 else { return false }
        var prevQ = false
        for c in rest {
            if c == 35 && prevQ { return false }   // "?#": urlunparse drops the empty query
            if c <= 32 { return false }
            prevQ = c == 63
        }
        return true
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
        // urlunparse drops an empty query or fragment.
        if let q = p.query, !q.isEmpty { s += "?" + q }
        if let f = p.fragment, !f.isEmpty { s += "#" + f }
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
            return compose(r)   // Python's urljoin keeps a network-path reference as written
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

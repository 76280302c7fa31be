import Foundation

/// JSON Feed 1.0 / 1.1 into the same result tree (feedparser's JSON parser).
enum JSONFeedReader {
    static let versions = ["https://jsonfeed.org/version/1": "json1", "https://jsonfeed.org/version/1.1": "json11"]

    /// The address the document gives for itself, if absolute (http or https).
    static func ownAddress(_ obj: [String: Any]) -> String? {
        for key in ["feed_url", "home_page_url"] {
            if let s = obj[key] as? String, let url = URL(string: s), let scheme = url.scheme?.lowercased(),
               scheme == "http" || scheme == "https", url.host != nil {
                return s
            }
        }
        return nil
    }

    /// Returns an error message, or nil.
    static func read(_ bytes: [UInt8], into b: FeedBuilder) -> String? {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return "not a JSON object"
        }
        let v = obj["version"] as? String ?? ""
        guard let version = versions[v] else { return "Unrecognized JSONFeed version '\(v)'" }
        b.version = version
        // Relative URLs (which real feeds use, though the spec wants absolute ones)
        // are resolved against the feed's own address, as in RSS and Atom; a
        // document read without one (a file feed) has its `feed_url`, or else its
        // `home_page_url`, when absolute.
        let base = b.baseuri.isEmpty ? Self.ownAddress(obj) ?? "" : b.baseuri
        func url(_ value: Any?) -> String? {
            guard let s = value as? String else { return nil }
            return URLResolver.makeSafeAbsolute(base: base, s) ?? s
        }
        let f = b.feed
        for (src, dst) in [("title", "title"), ("description", "subtitle")] {
            if let s = obj[src] as? String { f[dst] = .string(s) }
        }
        for (src, dst) in [("icon", "image"), ("home_page_url", "link")] {
            if let s = url(obj[src]) { f[dst] = .string(s) }
        }
        if let a = Self.firstAuthor(obj) { author(a, f, url) }
        for e in obj["items"] as? [[String: Any]] ?? [] {
            let d = FPDict()
            for (src, dst) in [("title", "title"), ("id", "id"), ("summary", "summary")] {
                if let s = e[src] as? String { d[dst] = .string(s) }
                else if let n = e[src] as? NSNumber, src == "id" { d[dst] = .string(n.stringValue) }
            }
            for (src, dst) in [("url", "link"), ("external_url", "source")] {
                if let s = url(e[src]) { d[dst] = .string(s) }
            }
            if let t = e["content_text"] as? String {
                d["content"] = .list(FPList([.dict(FPDict([("type", .string("text/plain")), ("value", .string(t))]))]))
            } else if let h = e["content_html"] as? String {
                d["content"] = .list(FPList([.dict(FPDict([("type", .string("text/html")), ("value", .string(h))]))]))
            }
            if let p = e["date_published"] as? String {
                d["published"] = .string(p)
                if let x = FeedDate.parse(p) { d["published_parsed"] = .string(FeedDate.iso(x)) }
            }
            if let p = e["date_modified"] as? String {
                d["updated"] = .string(p)
                if let x = FeedDate.parse(p) { d["updated_parsed"] = .string(FeedDate.iso(x)) }
            }
            if let tags = e["tags"] as? [String] {
                d["tags"] = .list(FPList(tags.map { .dict(FPDict([("term", .string($0)), ("scheme", .null), ("label", .null)])) }))
            }
            if let a = Self.firstAuthor(e) { author(a, d, url) }
            if let atts = e["attachments"] as? [[String: Any]] {
                let l = FPList()
                for a in atts {
                    let x = FPDict()
                    if let u = url(a["url"]) { x["href"] = .string(u) }
                    if let t = a["mime_type"] as? String { x["type"] = .string(t) }
                    if let n = a["size_in_bytes"] as? NSNumber { x["length"] = .string(n.stringValue) }
                    x["rel"] = .string("enclosure")
                    l.append(.dict(x))
                }
                d["enclosures"] = .list(l)
                d["links"] = .list(FPList(l.items))
            }
            b.entries.append(d)
        }
        return nil
    }

    /// JSON Feed 1.1 lists `authors`; 1.0 had one `author` (1.1 feeds often keep both).
    private static func firstAuthor(_ object: [String: Any]) -> [String: Any]? {
        (object["authors"] as? [[String: Any]])?.first ?? object["author"] as? [String: Any]
    }

    private static func author(_ a: [String: Any], _ dest: FPDict, _ url: (Any?) -> String?) {
        let detail = FPDict()
        if let n = a["name"] as? String { detail["name"] = .string(n); dest["author"] = .string(n) }
        if let u = a["url"] as? String {
            if u.hasPrefix("mailto:") { detail["email"] = .string(String(u.dropFirst(7))) } else { detail["href"] = .string(url(u) ?? u) }
        }
        dest["author_detail"] = .dict(detail)
    }
}

/// AMP ("Accelerated Mobile Pages") copies of an article: the same article under
/// another URL, which Google Alerts, aggregators and some outlets' own feeds link to.
/// Each is read back to the article's URL, so that an AMP link and the outlet's own
/// link are one canonical link (one story at once, without text similarity):
///
/// - Google's AMP viewer `https://www.google.com/amp/s/HOST/PATH` and the AMP cache
///   `https://HOST-DASHED.cdn.ampproject.org/c/s/HOST/PATH` name the article;
/// - a last path segment `amp` (`…/story-slug/amp/`, WordPress's AMP plugin and
///   many CMSs) and `.amp.html` (`…/story.amp.html`) mark the AMP rendering;
/// - query parameters `amp` (empty, `1` or `true`) and `outputType=amp` ask for it.
///
/// `amp.` hosts are left alone: `amp.example.com` is not always `www.example.com`.
extension CanonicalLink {
    /// The article behind an AMP viewer or cache link, or nil.
    static func ampTarget(authority: String, path: Substring) -> String? {
        var rest: Substring
        if authority == "www.google.com" || authority == "google.com" {
            guard path.hasPrefix("/amp/") else { return nil }
            rest = path.dropFirst("/amp/".count)
        } else if authority.hasSuffix(".cdn.ampproject.org") {
            // /c/ (document), /v/ (viewer), /i/ (image), /r/ (resource) then s/ for https.
            guard path.count > 3, ["/c/", "/v/"].contains(path.prefix(3)) else { return nil }
            rest = path.dropFirst(3)
        } else {
            return nil
        }
        var scheme = "http://"
        if rest.hasPrefix("s/") {
            scheme = "https://"
            rest = rest.dropFirst(2)
        }
        // A host with a dot, then the article's path.
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard rest[..<hostEnd].contains("."), !rest[..<hostEnd].contains("@") else { return nil }
        return scheme + rest
    }

    /// `path` without the segment or suffix that marks an AMP rendering.
    static func withoutAMPSuffix(_ path: Substring) -> Substring {
        if path.hasSuffix(".amp.html") { return Substring(path.dropLast(".amp.html".count) + ".html") }
        // "/story/amp/" → "/story/", "/story/amp" → "/story"; a bare "/amp" stays.
        if path.hasSuffix("/amp/"), path.count > 5 { return path.dropLast(4) }
        if path.hasSuffix("/amp"), path.count > 4 { return path.dropLast(4) }
        return path
    }

    /// Whether a query parameter (`name=value`) only asks for the AMP rendering.
    static func asksForAMP(_ pair: Substring) -> Bool {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].lowercased()
        let value = parts.count > 1 ? parts[1].lowercased() : ""
        return (name == "amp" && ["", "1", "true"].contains(value)) || (name == "outputtype" && value == "amp")
    }

    /// Whether the byte fast path must leave a link to the general path: the host of
    /// an AMP viewer or cache, or a path ending like an AMP rendering.
    static func mayBeAMP(host: Substring.UTF8View, link: String.UTF8View) -> Bool {
        func ends(_ bytes: some BidirectionalCollection<UInt8>, with suffix: StaticString) -> Bool {
            let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
            return bytes.reversed().starts(with: tail.reversed())
        }
        return host.elementsEqual("www.google.com".utf8) || host.elementsEqual("google.com".utf8)
            || ends(host, with: ".cdn.ampproject.org")
            || ends(link, with: "/amp") || ends(link, with: "/amp/") || ends(link, with: ".amp.html")
    }
}

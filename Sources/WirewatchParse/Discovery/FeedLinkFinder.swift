import CLibXML2

/// Feed autodiscovery: the feeds an HTML page advertises in its `<link rel="alternate">`
/// elements (RSS, Atom and JSON Feed), as `wirewatch feeds add PAGE` needs them.
///
/// libxml2's HTML parser, as browsers would: it recovers from the tag soup real pages
/// are made of, where an XML parser would stop at the first `<br>`.
public enum FeedLinkFinder {
    /// Whether the document is a web page rather than a feed: served as HTML, or starting
    /// like one (files and misconfigured servers have no useful Content-Type).
    public static func looksLikeHTML(_ bytes: [UInt8], contentType: String?) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        // A feed's root comes early; some servers send feeds as text/html, so it wins.
        for root in ["<rss", "<feed", "<rdf:rdf", "<opml"] where head.contains(root) { return false }
        if head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).first == "{" { return false }  // JSON Feed
        if let contentType = contentType?.lowercased(), contentType.contains("html") { return true }
        return head.contains("<!doctype html") || head.contains("<html")
    }

    /// Every feed link of the page, in document order, without repeats.
    public static func links(in bytes: [UInt8], pageURL: String) -> [FeedLink] {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard !bytes.isEmpty else { return [] }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, nil, options)
            }
        }
        guard let document else { return [] }
        defer { xmlFreeDoc(document) }

        var elements: [(name: String, attributes: [String: String])] = []
        if let root = xmlDocGetRootElement(document) { walk(root, into: &elements) }
        var base = pageURL
        if let href = elements.first(where: { $0.name == "base" })?.attributes["href"], !href.isEmpty {
            base = resolve(href, against: pageURL)
        }
        var result: [FeedLink] = []
        for element in elements where element.name == "link" {
            let rel = element.attributes["rel"]?.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) ?? []
            guard rel.contains("alternate"),
                  let kind = kind(of: element.attributes["type"]),
                  let href = element.attributes["href"]?.trimmingXMLSpace(), !href.isEmpty else { continue }
            let link = FeedLink(url: resolve(href, against: base), kind: kind, title: element.attributes["title"])
            if !result.contains(where: { $0.url == link.url }) { result.append(link) }
        }
        return result
    }

    /// The link to follow: the first RSS or Atom feed (what every reader handles), else
    /// the first JSON Feed.
    public static func preferred(_ links: [FeedLink]) -> FeedLink? {
        links.first { $0.kind != .json } ?? links.first
    }

    private static func kind(of type: String?) -> FeedLink.Kind? {
        let media = type?.split(separator: ";").first.map { String($0).trimmingXMLSpace().lowercased() }
        switch media {
        case "application/rss+xml", "application/rdf+xml": return .rss
        case "application/atom+xml": return .atom
        case "application/feed+json", "application/json+feed": return .json
        default: return nil
        }
    }

    /// RFC 3986 resolution through libxml2's own implementation.
    static func resolve(_ href: String, against base: String) -> String {
        let built = href.withCString { hrefC in
            base.withCString { baseC in
                hrefC.withMemoryRebound(to: xmlChar.self, capacity: 1) { h in
                    baseC.withMemoryRebound(to: xmlChar.self, capacity: 1) { b in xmlBuildURI(h, b) }
                }
            }
        }
        guard let built else { return href }
        defer { wirewatch_xmlFree(built) }
        return String(cString: built)
    }

    private static func walk(_ node: xmlNodePtr, into elements: inout [(name: String, attributes: [String: String])]) {
        var current: xmlNodePtr? = node
        while let element = current {
            if element.pointee.type == XML_ELEMENT_NODE {
                let name = element.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if name == "link" || name == "base" { elements.append((name, LibXMLTree.attributes(of: element))) }
                if let child = element.pointee.children { walk(child, into: &elements) }
            }
            current = element.pointee.next
        }
    }
}

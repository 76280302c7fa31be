/// Builds feedparser's result tree from SAX events.
///
/// The state machine is a port of feedparser's `_FeedParserMixin` (the
/// reference the conformance corpus was written against): element handlers
/// keyed by `prefix_local`, an element stack collecting text, a content
/// stack of text-construct parameters, xml:base / xml:lang scopes. Only the
/// elements it knows get dedicated handlers; any other element in a known
/// context is stored under its `prefix_local` name, as feedparser does.
final class FeedBuilder {
    typealias Attrs = [(String, String)]

    // Result
    var feed = FPDict()
    var entries: [FPDict] = []
    var version = ""
    var namespacesInUse: [(String, String)] = []
    var encoding = "utf-8"
    var undeclaredEntity: (name: String, line: Int)?

    // State
    var stack: [Frame] = []
    var contentparams = ContentParams()
    var incontent = 0
    var infeed = false, inentry = false, inimage = false, intextinput = false
    var inauthor = false, incontributor = false, inpublisher = false, insource = false
    var sourcedata = FPDict()
    var guidislink = false
    var hasContent = false
    var summaryKey: String?
    var depth = 0
    var titleDepth = -1
    var propertyDepth: [ObjectIdentifier: [String: Int]] = [:]
    var baseuri: String
    var lang: String?
    var basestack: [String] = []
    var langstack: [String?] = []
    var namespaceMap: [String: String] = [:]
    var rootSeen = false
    var rootTag = ""
    var svgOK = 0
    var pscChaptersOpen = false
    var geometryKind = ""
    /// Contexts whose `link` came from an HTML alternate `<link href>`.
    var linkFromAlternate: Set<ObjectIdentifier> = []

    init(baseURI: String, language: String?) {
        self.baseuri = baseURI
        self.lang = language
    }

    // MARK: - names and namespaces

    func makeName(local: String, givenPrefix: String?, uri rawURI: String) -> ElementName {
        let (_, lower) = Namespaces.normalize(rawURI)
        var prefix: String? = Namespaces.known[lower]
        if prefix == nil {
            prefix = givenPrefix
            if prefix == nil, !rawURI.isEmpty {
                prefix = namespacesInUse.first { !$0.0.isEmpty && $0.1 == rawURI }?.0
            }
        }
        let localLower = local.lowercased()
        let p = (prefix ?? "").lowercased()
        let tag = p.isEmpty ? localLower : p + ":" + localLower
        let canon = namespaceMap[p] ?? p
        let method = canon.isEmpty ? localLower : canon + "_" + localLower
        return ElementName(tag: tag, method: method, local: localLower, prefix: canon, uri: rawURI, rawLocal: local,
                           handler: Handler(rawValue: method))
    }

    func declareNamespaces(_ decls: [(String?, String)]) {
        for (prefix, uri) in decls where !uri.isEmpty {
            trackNamespace(prefix, uri)
        }
    }

    private func trackNamespace(_ prefix: String?, _ rawURI: String) {
        var uri = rawURI
        var lower = uri.lowercased()
        if version.isEmpty {
            if prefix == nil && lower == "http://my.netscape.com/rdf/simple/0.9/" {
                version = "rss090"
            } else if lower == "http://purl.org/rss/1.0/" {
                version = "rss10"
            } else if lower == "http://www.w3.org/2005/atom" {
                version = "atom10"
            }
        }
        if lower.contains("backend.userland.com/rss") {
            uri = "http://backend.userland.com/rss"
            lower = uri
        }
        if let canon = Namespaces.known[lower] {
            if let prefix { namespaceMap[prefix] = canon }
            setNamespace(canon, uri)
        } else {
            setNamespace(prefix ?? "", uri)
        }
    }

    private func setNamespace(_ p: String, _ u: String) {
        if let i = namespacesInUse.firstIndex(where: { $0.0 == p }) {
            namespacesInUse[i].1 = u
        } else {
            namespacesInUse.append((p, u))
        }
    }

    func noteUndeclaredEntity(_ name: String, line: Int) {
        if undeclaredEntity == nil { undeclaredEntity = (name, line) }
    }

    // MARK: - SAX entry points

    func startElement(_ name: ElementName, attrs: Attrs, rawNames: [String] = [], rawLocal: String? = nil) {
        if !rootSeen { rootSeen = true; rootTag = name.tag }
        depth += 1
        // Only an xml:base attribute changes the base; resolving the base
        // against itself on every element would cost a URL join per event.
        if let xmlBase = Self.attr(attrs, "xml:base") ?? Self.attr(attrs, "base"), !xmlBase.isEmpty {
            if !baseuri.isEmpty {
                let b = URLResolver.makeSafeAbsolute(base: baseuri, xmlBase) ?? ""
                if !b.isEmpty { baseuri = b }
            } else {
                baseuri = URLResolver.join(baseuri, xmlBase)
            }
        }
        var newLang = Self.attr(attrs, "xml:lang") ?? Self.attr(attrs, "lang")
        if newLang == "" {
            newLang = nil
        } else if newLang == nil {
            newLang = lang
        }
        if let l = newLang, ["feed", "rss", "rdf:rdf"].contains(name.tag) {
            feed["language"] = .string(l.replacingOccurrences(of: "_", with: "-"))
        }
        lang = newLang
        basestack.append(baseuri)
        langstack.append(newLang)

        if incontent > 0, !(contentparams.type ?? "xml").hasSuffix("xml") {
            if name.tag == "xhtml:div" || name.tag == "div" { return }
            contentparams.type = "application/xhtml+xml"
        }
        if incontent > 0, contentparams.type == "application/xhtml+xml" {
            if name.local == "svg" { svgOK += 1 }
            handleMarkup(XHTMLWriter.startTag(name, attrs: attrs, rawNames: rawNames, rawLocal: rawLocal))
            return
        }
        if name.prefix.isEmpty {
            if !["title", "link", "description", "name"].contains(name.tag) { intextinput = false }
            if !["title", "link", "description", "url", "href", "width", "height"].contains(name.tag) { inimage = false }
        }
        if !(name.handler.map { start($0, attrs) } ?? false) {
            if attrs.isEmpty {
                push(name.method, true)
            } else {
                let d = FPDict()
                for (k, v) in attrs { d[k] = .string(v) }
                context()[name.method] = .dict(d)
            }
        }
    }

    func endElement(_ name: ElementName) {
        if name.local == "svg", svgOK > 0 { svgOK -= 1 }
        // Inside inline SVG, <title> and friends are markup, not feed elements.
        if svgOK > 0 || !(name.handler.map { end($0) } ?? false) {
            pop(name.method)
        }
        if incontent > 0, !(contentparams.type ?? "xml").hasSuffix("xml") {
            if name.tag == "xhtml:div" || name.tag == "div" { return }
            contentparams.type = "application/xhtml+xml"
        }
        if incontent > 0, contentparams.type == "application/xhtml+xml" {
            if !XHTMLWriter.isVoid(name.local) { handleMarkup("</" + XHTMLWriter.endName(name) + ">") }
        }
        if !basestack.isEmpty {
            basestack.removeLast()
            if let b = basestack.last, !b.isEmpty { baseuri = b }
        }
        if !langstack.isEmpty {
            langstack.removeLast()
            if !langstack.isEmpty { lang = langstack.last! }
        }
        depth -= 1
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard !stack.isEmpty else { return }
        if contentparams.type == "application/xhtml+xml" {
            stack[stack.count - 1].append(XHTMLWriter.escape(text))
        } else {
            stack[stack.count - 1].append(text)
        }
    }

    private func handleMarkup(_ s: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].append(s)
    }

    /// Drop parse-time state once the document is done; only the result stays.
    func finish() {
        stack = []
        basestack = []
        langstack = []
        propertyDepth = [:]
        linkFromAlternate = []
    }

    // MARK: - stack

    func push(_ element: String, _ expectingText: Bool) {
        stack.append(Frame(element, expectingText))
    }

    func pushContent(_ tag: String, _ attrs: Attrs, _ defaultType: String, _ expectingText: Bool) {
        incontent += 1
        if let l = lang { lang = l.replacingOccurrences(of: "_", with: "-") }
        var p = ContentParams()
        p.active = true
        p.type = ContentParams.mapType(Self.attr(attrs, "type") ?? defaultType)
        p.language = lang
        p.base = baseuri
        p.base64 = Self.isBase64(attrs, p.type!)
        contentparams = p
        push(tag, expectingText)
    }

    @discardableResult
    func popContent(_ tag: String) -> String? {
        let v = pop(tag)
        incontent -= 1
        contentparams = ContentParams()
        return v
    }

    static func isBase64(_ attrs: Attrs, _ type: String) -> Bool {
        if attr(attrs, "mode") == "base64" { return true }
        if type.hasPrefix("text/") { return false }
        if type.hasSuffix("+xml") || type.hasSuffix("/xml") { return false }
        return true
    }

    /// Set the text of the top frame (feedparser's `elementstack[-1][-1] = v`).
    func setTopText(_ s: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].set(s)
    }

    // MARK: - context

    func context() -> FPDict {
        if insource { return sourcedata }
        if inimage, let img = feed["image"]?.dictValue { return img }
        if intextinput { return feed.dict("textinput") }
        if inentry, let e = entries.last { return e }
        return feed
    }

    func save(_ key: String, _ value: FPValue, overwrite: Bool = false) {
        let c = context()
        if overwrite { c[key] = value } else { c.setDefault(key, value) }
    }

    static func attr(_ attrs: Attrs, _ key: String) -> String? {
        var found: String?
        for (k, v) in attrs where k == key { found = v }
        return found
    }
}

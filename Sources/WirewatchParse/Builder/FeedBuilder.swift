import WirewatchCore

/// Builds feedparser's result tree from SAX events.
///
/// The state machine is a port of feedparser's `_FeedParserMixin` (the
/// reference the conformance corpus was written against): element handlers
/// keyed by `prefix_local`, an element stack collecting text, a content
/// stack of text-construct parameters, xml:base / xml:lang scopes. Only the
/// elements it knows get dedicated handlers; any other element in a known
/// context is stored under its `prefix_local` name, as feedparser does.
///
/// The stored properties opt out of dynamic exclusivity checking
/// (`@exclusivity(unchecked)`): a builder belongs to one parse on one
/// thread and is only touched from the SAX callbacks, and the runtime
/// access tracking cost several percent of the whole parse.
final class FeedBuilder {
    typealias Attrs = [(String, String)]

    // Result
    @exclusivity(unchecked) var feed = FPDict()
    @exclusivity(unchecked) var entries: [FPDict] = []
    @exclusivity(unchecked) var version = ""
    /// See `EncodingDetector.Result.looksMisdeclaredUTF8`.
    @exclusivity(unchecked) var looksMisdeclaredUTF8 = false
    @exclusivity(unchecked) var namespacesInUse: [(String, String)] = []
    @exclusivity(unchecked) var encoding = "utf-8"
    @exclusivity(unchecked) var undeclaredEntity: (name: String, line: Int)?
    /// false: entries are turned into `Item`s and dropped as soon as no
    /// event can reach them any more (see `startItem`), so a large feed never
    /// holds its whole entry tree. true: `entries` keeps them all (the
    /// feedparser result), with what only that result needs (`X_parsed` dates).
    @exclusivity(unchecked) var keepsEntries = true
    /// The `Item`s of dropped entries, in document order; their language is
    /// still without the feed's default (filled in by `ModelMapper.map`).
    @exclusivity(unchecked) var mappedItems: [Item] = []
    /// RSS <skipHours>/<skipDays>, every value (the feed dictionary keeps the last).
    @exclusivity(unchecked) var skipHours: [Int] = []
    @exclusivity(unchecked) var skipDays: [Int] = []
    /// When set, finished items go here instead of `mappedItems` (streaming).
    @exclusivity(unchecked) var itemSink: ((Item) -> Void)?

    // State
    @exclusivity(unchecked) var stack: [Frame] = []
    /// The open frames' text (see `TextArena`).
    let text = TextArena()
    @exclusivity(unchecked) var contentparams = ContentParams()
    @exclusivity(unchecked) var incontent = 0
    @exclusivity(unchecked) var infeed = false, inentry = false, inimage = false, intextinput = false
    @exclusivity(unchecked) var inauthor = false, incontributor = false, inpublisher = false, insource = false
    @exclusivity(unchecked) var sourcedata = FPDict()
    @exclusivity(unchecked) var guidislink = false
    @exclusivity(unchecked) var hasContent = false
    @exclusivity(unchecked) var summaryKey: String?
    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) var titleDepth = -1
    @exclusivity(unchecked) var baseuri: String
    @exclusivity(unchecked) var lang: String?
    @exclusivity(unchecked) var basestack: [String] = []
    @exclusivity(unchecked) var langstack: [String?] = []
    @exclusivity(unchecked) var namespaceMap: [String: String] = [:]
    @exclusivity(unchecked) var rootSeen = false
    @exclusivity(unchecked) var rootTag = ""
    @exclusivity(unchecked) var svgOK = 0
    @exclusivity(unchecked) var pscChaptersOpen = false
    @exclusivity(unchecked) var geometryKind = ""

    init(baseURI: String, language: String?) {
        self.baseuri = baseURI
        self.lang = language
    }

    // MARK: - names and namespaces

    func makeName(local: String, givenPrefix: String?, uri rawURI: String) -> ElementName {
        let (_, lower) = Namespaces.normalize(rawURI)
        // An undeclared prefix (`<dc:creator>` with no xmlns:dc, common in
        // hand-made feeds) reaches us with no URI: keep the prefix as
        // written, as feedparser's fallback parser does, so `dc:creator`
        // is still the author and `content:encoded` the content.
        var prefix: String? = rawURI.isEmpty && givenPrefix != nil ? givenPrefix : Namespaces.known[lower]
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
        if let l = newLang, name.tag == "feed" || name.tag == "rss" || name.tag == "rdf:rdf" {
            feed["language"] = .string(l.utf8.contains(95) ? l.replacingOccurrences(of: "_", with: "-") : l)
        }
        lang = newLang
        basestack.append(baseuri)
        langstack.append(newLang)

        if incontent > 0, !(contentparams.type ?? "xml").hasSuffix("xml") {
            if name.tag == "xhtml:div" || name.tag == "div" { return }
            contentparams.type = "application/xhtml+xml"
        }
        if incontent > 0, contentparams.isXHTML {
            if name.local == "svg" { svgOK += 1 }
            if !stack.isEmpty {
                XHTMLWriter.writeStartTag(name, attrs: attrs, rawNames: rawNames, rawLocal: rawLocal, into: text)
            }
            return
        }
        if name.prefix.isEmpty {
            switch name.tag {
            case "title", "link", "description": break
            case "name": inimage = false
            case "url", "href", "width", "height": intextinput = false
            default: intextinput = false; inimage = false
            }
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
            let text = pop(name.method)
            if !inentry, let text, name.method == "hour" || name.method == "day" { notePollingHint(name.method, text) }
        }
        if incontent > 0, !(contentparams.type ?? "xml").hasSuffix("xml") {
            if name.tag == "xhtml:div" || name.tag == "div" { return }
            contentparams.type = "application/xhtml+xml"
        }
        if incontent > 0, contentparams.isXHTML {
            if !XHTMLWriter.isVoid(name.local), !stack.isEmpty { XHTMLWriter.writeEndTag(name, into: text) }
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

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !stack.isEmpty else { return }
        if contentparams.isXHTML {
            text.appendEscaped(bytes)
        } else {
            text.append(bytes)
        }
    }

    /// Map the entries to `Item`s and drop them (the daemon path). Called
    /// when a new entry starts: from then on `entries.last` is the new one,
    /// and every event only ever reaches `entries.last`, so the earlier
    /// entries are final.
    func flushEntries() {
        guard !entries.isEmpty else { return }
        for e in entries {
            if let itemSink {
                // The channel's <language> comes before its items in practice.
                itemSink(ModelMapper.item(e, .init(self, feedLanguage: feed.string("language"))))
            } else {
                mappedItems.append(ModelMapper.item(e, .init(self, feedLanguage: nil)))
            }
        }
        entries.removeAll(keepingCapacity: true)
    }

    /// Drop parse-time state once the document is done; only the result stays.
    func finish() {
        stack = []
        text.reset()
        basestack = []
        langstack = []
    }

    // MARK: - stack

    func push(_ element: String, _ expectingText: Bool) {
        stack.append(Frame(element, expectingText, start: text.count, firstPiece: text.pieceCount))
    }

    func pushContent(_ tag: String, _ attrs: Attrs, _ defaultType: String, _ expectingText: Bool) {
        incontent += 1
        if let l = lang, l.utf8.contains(95) { lang = l.replacingOccurrences(of: "_", with: "-") }
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
        guard let top = stack.last else { return }
        text.truncate(to: top.start, pieces: top.firstPiece)
        text.append(s)
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

/// Helpers shared by the element handlers.
extension FeedBuilder {
    func startRSS(_ attrs: Attrs) {
        guard version.isEmpty || !version.hasPrefix("rss") else { return }
        let v = Self.attr(attrs, "version") ?? ""
        switch v {
        case "0.91": version = "rss091u"
        case "0.92": version = "rss092"
        case "0.93": version = "rss093"
        case "0.94": version = "rss094"
        default: version = v.hasPrefix("2.") || v == "2" ? "rss20" : "rss"
        }
    }

    func startFeed(_ attrs: Attrs) {
        infeed = true
        guard version.isEmpty else { return }
        switch Self.attr(attrs, "version") {
        case "0.1": version = "atom01"
        case "0.2": version = "atom02"
        case "0.3": version = "atom03"
        default: version = "atom"
        }
    }

    func cdfCommon(_ attrs: Attrs) {
        if let lm = Self.attr(attrs, "lastmod") {
            push("updated", true); setTopText(lm); saveDate("updated", pop("updated"))
        }
        if let h = Self.attr(attrs, "href") {
            startLink([], expecting: infeed || inentry || insource); setTopText(h); pop("link")
        }
    }

    func startItem(_ attrs: Attrs) {
        if !keepsEntries { flushEntries() }
        entries.append(FPDict(capacity: 24))
        push("item", false)
        inentry = true
        guidislink = false
        titleDepth = -1
        if let id = Self.attr(attrs, "rdf:about"), !id.isEmpty { context()["id"] = .string(id) }
        cdfCommon(attrs)
    }

    func startContent(_ attrs: Attrs) {
        hasContent = true
        pushContent("content", attrs, "text/plain", true)
        if let src = Self.attr(attrs, "src"), !src.isEmpty { contentparams.src = src }
    }

    func endContent() {
        let copyToSummary = ["text/plain", "text/html", "application/xhtml+xml"]
            .contains(ContentParams.mapType(contentparams.type ?? ""))
        let v = popContent("content")
        if copyToSummary, let v { save("summary", .string(v)) }
    }

    func startLink(_ attrsIn: Attrs, expecting: Bool) {
        var attrs = attrsIn
        if Self.attr(attrs, "rel") == nil { attrs.append(("rel", "alternate")) }
        if Self.attr(attrs, "type") == nil {
            attrs.append(("type", Self.attr(attrs, "rel") == "self" ? "application/atom+xml" : "text/html"))
        }
        attrs = enforceHref(attrs)
        let c = context()
        let d = FPDict()
        for (k, v) in attrs { d[k] = .string(k == "href" ? resolveURI(v) : v) }
        c.setDefault("links", .list(FPList()))
        if !(inentry && inimage) { c.list("links").append(.dict(d)) }
        if let href = d.string("href") {
            let rel = d.string("rel")
            let type = ContentParams.mapType(d.string("type") ?? "")
            if rel == "alternate", ContentParams.isHTMLType(type) {
                // The first HTML alternate wins (feedparser main's link priority).
                if !c.contains("link") || !c.linkFromAlternate {
                    c["link"] = .string(href)
                    c.linkFromAlternate = true
                }
            }
        } else {
            push("link", expecting)
        }
    }

    func startCategory(_ attrs: Attrs) {
        let term = Self.attr(attrs, "term")
        let scheme = Self.attr(attrs, "scheme") ?? Self.attr(attrs, "domain")
        let label = Self.attr(attrs, "label")
        addTag(term, scheme, label)
        push("category", true)
    }

    func endCategory() {
        guard let v = pop("category"), !v.isEmpty else { return }
        let tags = context().list("tags")
        if let last = tags.last?.dictValue, (last.string("term") ?? "").isEmpty {
            last["term"] = .string(v)
        } else {
            addTag(v, nil, nil)
        }
    }

    func addTag(_ term: String?, _ scheme: String?, _ label: String?) {
        let tags = context().list("tags")
        if (term ?? "").isEmpty, (scheme ?? "").isEmpty, (label ?? "").isEmpty { return }
        let d = FPDict(capacity: 3)
        d["term"] = term.map { .string($0) } ?? .null
        d["scheme"] = scheme.map { .string($0) } ?? .null
        d["label"] = label.map { .string($0) } ?? .null
        let v = FPValue.dict(d)
        if !tags.items.contains(where: { $0.isEqual(v) }) { tags.append(v) }
    }

    func saveDate(_ key: String, _ value: String?) {
        // `X_parsed` is for the feedparser result only; `ModelMapper` parses
        // the date as published. Without the kept tree nobody reads it.
        guard keepsEntries, let value else { return }
        if let d = FeedDate.parse(value) {
            save(key + "_parsed", .string(FeedDate.iso(d)), overwrite: true)
        } else {
            context()[key + "_parsed"] = nil
        }
    }

    func enforceHref(_ attrs: Attrs) -> Attrs {
        let href = Self.attr(attrs, "url") ?? Self.attr(attrs, "uri") ?? Self.attr(attrs, "href")
        guard let href, !href.isEmpty else { return attrs }
        var out = attrs.filter { $0.0 != "url" && $0.0 != "uri" && $0.0 != "href" }
        out.append(("href", href))
        return out
    }

    func dict(_ attrs: Attrs) -> FPDict {
        let d = FPDict()
        for (k, v) in attrs { d[k] = .string(v) }
        return d
    }
}

import WirewatchCore

/// Derives the shared model (`FeedInfo`, `Item`) from the result tree.
enum ModelMapper {
    static func map(_ b: FeedBuilder) -> (feed: FeedInfo, items: [Item]) {
        let f = b.feed
        var info = FeedInfo()
        info.title = f.string("title").map { plain($0, detail: f["title_detail"]?.dictValue) }
        info.link = f.string("link")
        info.description = f.string("subtitle").map { plain($0, detail: f["subtitle_detail"]?.dictValue) }
        info.language = f.string("language")
        info.updated = (f.string("updated") ?? f.string("published")).flatMap(FeedDate.parse)
        info.ttlMinutes = f.string("ttl").flatMap { Int(Text.strip($0)) }
        info.syndicationPeriod = FeedBuilder.syndicationPeriod(
            period: f.string("sy_updateperiod"), frequency: f.string("sy_updatefrequency")
        )
        if b.looksMisdeclaredUTF8 {
            info.title = info.title.map(Mojibake.repair)
            info.description = info.description.map(Mojibake.repair)
        }
        info.skipHours = b.skipHours.sorted()
        info.skipDays = b.skipDays.sorted()
        let scope = Scope(b, feedLanguage: info.language)
        if let sink = b.itemSink {
            for e in b.entries { sink(item(e, scope)) }
            b.entries.removeAll()
            return (info, [])
        }
        var items = b.mappedItems
        if items.isEmpty {
            items = b.entries.map { item($0, scope) }
        } else {
            // Items made while parsing did not know the feed's language (or author) yet.
            for i in items.indices where items[i].language == nil { items[i].language = info.language }
            if let a = scope.feedAuthor.map({ scope.repairsMojibake ? Mojibake.repair($0) : $0 }) {
                for i in items.indices where items[i].author == nil { items[i].author = a }
            }
            items += b.entries.map { item($0, scope) }
        }
        return (info, items)
    }

    /// What an item's mapping needs from the feed around it.
    struct Scope {
        var feedLanguage: String?
        /// RSS: a `text/plain` "content" is a second description (a photo's
        /// `media:description`, `itunes:summary`), never the article body.
        var isRSS = false
        /// Atom and JSON Feed: the feed's author is every entry's author
        /// unless the entry names its own (RFC 4287 §4.2.1, JSON Feed 1.1).
        var feedAuthor: String?
        /// The document's UTF-8 was read as Latin-1 as declared: undo it in the text.
        var repairsMojibake = false

        init(_ b: FeedBuilder, feedLanguage: String?) {
            self.feedLanguage = feedLanguage
            repairsMojibake = b.looksMisdeclaredUTF8
            isRSS = b.version.hasPrefix("rss")
            if b.version.hasPrefix("atom") || b.version.hasPrefix("json") {
                feedAuthor = b.feed.string("author").map(ModelMapper.plainAuthor)
            }
        }
    }

    static func item(_ e: FPDict, _ scope: Scope) -> Item {
        let feedLanguage = scope.feedLanguage
        var it = Item()
        it.guid = e.string("id")
        it.link = e.string("link")
        it.title = e.string("title").map { plain($0, detail: e["title_detail"]?.dictValue) } ?? ""
        if let s = e.string("summary") {
            it.summary = s
            it.summaryIsHTML = isHTML(e["summary_detail"]?.dictValue, default: true)
            it.summaryText = it.summaryIsHTML ? PlainText.fromHTMLEscapedOnceOrTwice(s) : PlainText.collapse(s)
        }
        var contents = e["content"]?.listValue?.items.compactMap(\.dictValue) ?? []
        if scope.isRSS { contents.removeAll { !isHTML($0, default: true) } }
        if !contents.isEmpty {
            let best = contents.first { isHTML($0, default: false) } ?? contents[0]
            if let v = best.string("value") {
                it.content = v
                // feedparser copies the content into the summary when there is
                // no summary: do not compute the same plain text twice.
                if v == it.summary, isHTML(best, default: true) == it.summaryIsHTML {
                    it.contentText = it.summaryText
                } else {
                    it.contentText = isHTML(best, default: true) ? PlainText.fromHTMLEscapedOnceOrTwice(v) : PlainText.collapse(v)
                }
            }
        }
        let people = e["authors"]?.listValue?.items ?? []
        let several = people.count > 1 ? coAuthors(people.map { $0.dictValue?.string("name") }) : nil
        it.author = (several ?? e.string("author")).map(plainAuthor) ?? scope.feedAuthor
        it.published = e.string("published").flatMap(FeedDate.parse)
        it.updated = e.string("updated").flatMap(FeedDate.parse)
        it.categories = (e["tags"]?.listValue?.items ?? []).compactMap { $0.dictValue?.string("term") }.filter { !$0.isEmpty }
        if it.categories.contains(where: { $0.utf8.contains(38) }) {
            it.categories = it.categories.map(PlainText.decodingLeftoverReferences)
        }
        var encs: [Enclosure] = []
        for l in e["links"]?.listValue?.items ?? [] {
            guard let d = l.dictValue, d.string("rel") == "enclosure", let h = d.string("href").map(Text.strip), !h.isEmpty else { continue }
            encs.append(Enclosure(url: h, type: d.string("type"), length: d.string("length").flatMap { Int64(Text.strip($0)) }))
        }
        it.enclosures = encs
        let lang = (e["title_detail"]?.dictValue ?? e["summary_detail"]?.dictValue)?.string("language")
        it.language = lang ?? e.string("language") ?? feedLanguage
        if scope.repairsMojibake { repairMojibake(&it) }
        return it
    }

    /// `Mojibake.repair` over every text field of an item.
    static func repairMojibake(_ it: inout Item) {
        it.title = Mojibake.repair(it.title)
        it.summary = it.summary.map(Mojibake.repair)
        it.content = it.content.map(Mojibake.repair)
        it.summaryText = Mojibake.repair(it.summaryText)
        it.contentText = Mojibake.repair(it.contentText)
        it.author = it.author.map(Mojibake.repair)
        it.categories = it.categories.map(Mojibake.repair)
    }

    static func isHTML(_ detail: FPDict?, default d: Bool) -> Bool {
        guard let t = detail?.string("type") else { return d }
        return ContentParams.isHTMLType(t)
    }

    /// Plain text of a title: tags and references of HTML dropped/decoded; a
    /// plain-text one still decodes references left in it (double-escaped
    /// `&amp;amp;`, `&#8217;` in Reddit, WordPress and JSON Feed titles).
    static func plain(_ s: String, detail: FPDict?) -> String {
        isHTML(detail, default: false) ? PlainText.fromHTMLEscapedOnceOrTwice(s) : PlainText.collapse(PlainText.decodingLeftoverReferences(s))
    }

    /// Several named authors (repeated `dc:creator` or Atom `<author>`):
    /// all their names, in order, where feedparser's `author` is the last
    /// one alone. nil for fewer than two distinct names.
    static func coAuthors(_ names: [String?]) -> String? {
        guard names.count > 1 else { return nil }
        var seen: [String] = []
        for case let n? in names {
            let t = Text.strip(n)
            if !t.isEmpty, !seen.contains(t) { seen.append(t) }
        }
        return seen.count > 1 ? seen.joined(separator: ", ") : nil
    }

    /// An author as text: HTML (arXiv's `<a href>` names) rendered as plain
    /// text, references decoded.
    static func plainAuthor(_ s: String) -> String {
        if s.utf8.contains(60), s.contains("</") { return PlainText.fromHTMLEscapedOnceOrTwice(s) }
        return PlainText.decodingLeftoverReferences(s)
    }
}

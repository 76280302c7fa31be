import Foundation
import WirewatchCore
@testable import WirewatchParse

/// The JSON path: `FeedInfo` and `Item`s derived from the feedparser-shaped
/// result (`ParsedFeed.result`) with the mapping rules and the plain-text
/// rendering the parser shipped with before the fast path. The fast path
/// (`ParsedFeed.feed` / `.items`) must agree with it field for field.
enum ReferenceModel {
    static func map(_ result: JSONValue, repairsMojibake: Bool = false) -> (feed: FeedInfo, items: [Item]) {
        let f = result["feed"] ?? .object([])
        var info = FeedInfo()
        info.title = f["title"]?.stringValue.map { plain($0, detail: f["title_detail"]) }
        info.link = f["link"]?.stringValue
        info.description = f["subtitle"]?.stringValue.map { plain($0, detail: f["subtitle_detail"]) }
        info.language = f["language"]?.stringValue
        info.updated = (f["updated"]?.stringValue ?? f["published"]?.stringValue).flatMap(referenceDate)
        info.ttlMinutes = f["ttl"]?.stringValue.flatMap { Int(Text.strip($0)) }
        info.syndicationPeriod = FeedBuilder.syndicationPeriod(
            period: f["sy_updateperiod"]?.stringValue, frequency: f["sy_updatefrequency"]?.stringValue
        )
        let version = result["version"]?.stringValue ?? ""
        let feedAuthor = version.hasPrefix("atom") || version.hasPrefix("json")
            ? f["author"]?.stringValue.map(ModelMapper.plainAuthor) : nil
        var items = (result["entries"]?.arrayValue ?? []).map {
            item($0, feedLanguage: info.language, isRSS: version.hasPrefix("rss"), feedAuthor: feedAuthor)
        }
        if repairsMojibake {
            info.title = info.title.map(Mojibake.repair)
            info.description = info.description.map(Mojibake.repair)
            for i in items.indices { ModelMapper.repairMojibake(&items[i]) }
        }
        return (info, items)
    }

    /// The general date parsers only (no canonical-form shortcut).
    static func referenceDate(_ s: String) -> Date? { FeedDate.parseByForm(s) }

    static func item(_ e: JSONValue, feedLanguage: String?, isRSS: Bool = false, feedAuthor: String? = nil) -> Item {
        var it = Item()
        it.guid = e["id"]?.stringValue
        it.link = e["link"]?.stringValue
        it.title = e["title"]?.stringValue.map { plain($0, detail: e["title_detail"]) } ?? ""
        if let s = e["summary"]?.stringValue {
            it.summary = s
            it.summaryIsHTML = isHTML(e["summary_detail"], default: true)
            it.summaryText = it.summaryIsHTML ? fromHTMLTwice(s) : ReferencePlainText.collapse(s)
        }
        if let contents = e["content"]?.arrayValue?.filter({ if case .object = $0 { return true } else { return false } })
            .filter({ !isRSS || isHTML($0, default: true) }),
           !contents.isEmpty {
            let best = contents.first { isHTML($0, default: false) } ?? contents[0]
            if let v = best["value"]?.stringValue {
                it.content = v
                it.contentText = isHTML(best, default: true) ? fromHTMLTwice(v) : ReferencePlainText.collapse(v)
            }
        }
        it.author = (ModelMapper.coAuthors((e["authors"]?.arrayValue ?? []).map { $0["name"]?.stringValue })
            ?? e["author"]?.stringValue).map(ModelMapper.plainAuthor) ?? feedAuthor
        it.published = e["published"]?.stringValue.flatMap(referenceDate)
        it.updated = e["updated"]?.stringValue.flatMap(referenceDate)
        it.categories = (e["tags"]?.arrayValue ?? []).compactMap { $0["term"]?.stringValue }.filter { !$0.isEmpty }
            .map(PlainText.decodingLeftoverReferences)
        var encs: [Enclosure] = []
        for l in e["links"]?.arrayValue ?? [] {
            guard l["rel"]?.stringValue == "enclosure", let h = l["href"]?.stringValue.map(Text.strip), !h.isEmpty else { continue }
            encs.append(Enclosure(url: h, type: l["type"]?.stringValue, length: l["length"]?.stringValue.flatMap { Int64(Text.strip($0)) }))
        }
        it.enclosures = encs
        let detail = e["title_detail"].flatMap(asObject) ?? e["summary_detail"].flatMap(asObject)
        it.language = detail?["language"]?.stringValue ?? e["language"]?.stringValue ?? feedLanguage
        return it
    }

    static func asObject(_ v: JSONValue) -> JSONValue? {
        if case .object = v { return v }
        return nil
    }

    static func isHTML(_ detail: JSONValue?, default d: Bool) -> Bool {
        guard let t = detail?["type"]?.stringValue else { return d }
        return ContentParams.htmlTypes.contains(t)
    }

    /// The rendition, again when it is still HTML (markup escaped twice).
    static func fromHTMLTwice(_ s: String) -> String {
        let once = ReferencePlainText.fromHTML(s)
        guard once.contains("<") || once.contains("&"), Text.looksLikeHTML(once) else { return once }
        return ReferencePlainText.fromHTML(once)
    }

    static func plain(_ s: String, detail: JSONValue?) -> String {
        isHTML(detail, default: false)
            ? fromHTMLTwice(s) : ReferencePlainText.collapse(PlainText.decodingLeftoverReferences(s))
    }

    /// Field-by-field differences between the fast path and the JSON path ("" when equal).
    static func differences(_ parsed: ParsedFeed) -> [String] {
        let ref = map(parsed.result, repairsMojibake: parsed.looksMisdeclaredUTF8)
        var out: [String] = []
        func cmp<T: Equatable>(_ what: String, _ a: T, _ b: T) {
            if a != b { out.append("\(what): fast=\(String(describing: a).prefix(200)) json=\(String(describing: b).prefix(200))") }
        }
        cmp("feed.title", parsed.feed.title, ref.feed.title)
        cmp("feed.link", parsed.feed.link, ref.feed.link)
        cmp("feed.description", parsed.feed.description, ref.feed.description)
        cmp("feed.language", parsed.feed.language, ref.feed.language)
        cmp("feed.updated", parsed.feed.updated, ref.feed.updated)
        cmp("feed.ttlMinutes", parsed.feed.ttlMinutes, ref.feed.ttlMinutes)
        cmp("feed (whole)", parsed.feed, ref.feed)
        cmp("items.count", parsed.items.count, ref.items.count)
        let json = parsed.result
        cmp("isMalformed", parsed.isMalformed, json["bozo"] == .bool(true))
        cmp("problem", parsed.problem, json["bozo_exception"]?.stringValue)
        cmp("version", parsed.version, json["version"]?.stringValue ?? "")
        cmp("encoding", parsed.encoding, json["encoding"]?.stringValue ?? "")
        for (i, (a, b)) in zip(parsed.items, ref.items).enumerated() {
            cmp("items[\(i)].guid", a.guid, b.guid)
            cmp("items[\(i)].link", a.link, b.link)
            cmp("items[\(i)].title", a.title, b.title)
            cmp("items[\(i)].summary", a.summary, b.summary)
            cmp("items[\(i)].summaryIsHTML", a.summaryIsHTML, b.summaryIsHTML)
            cmp("items[\(i)].content", a.content, b.content)
            cmp("items[\(i)].author", a.author, b.author)
            cmp("items[\(i)].published", a.published, b.published)
            cmp("items[\(i)].updated", a.updated, b.updated)
            cmp("items[\(i)].categories", a.categories, b.categories)
            cmp("items[\(i)].enclosures", a.enclosures, b.enclosures)
            cmp("items[\(i)].language", a.language, b.language)
            cmp("items[\(i)].summaryText", a.summaryText, b.summaryText)
            cmp("items[\(i)].contentText", a.contentText, b.contentText)
            cmp("items[\(i)] (whole)", a, b)
        }
        return out
    }
}

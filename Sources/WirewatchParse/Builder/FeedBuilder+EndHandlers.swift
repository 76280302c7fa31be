/// End-tag handlers (feedparser's `_end_*`). Returns false when the
/// element has no dedicated handler.
extension FeedBuilder {
    func end(_ m: Handler) -> Bool {
        switch m {
        case .channel, .feed: infeed = false
        case .image: pop("image"); inimage = false
        case .textinput: pop("textinput"); intextinput = false
        case .author, .managingeditor, .dc_author, .dc_creator, .itunes_author:
            pop("author"); inauthor = false; syncAuthorDetail("author")
        case .contributor: pop("contributor"); incontributor = false
        case .dc_contributor: endName(); incontributor = false
        case .name, .itunes_name: endName()
        case .width, .height:
            let v = pop(m.rawValue) ?? ""
            if inimage { context()[m.rawValue] = .int(Int(v) ?? 0) }
        case .url, .homepage, .uri:
            let v = pop("href") ?? ""
            if inauthor { saveAuthor("href", v) } else if incontributor { saveContributor("href", v) }
        case .email, .itunes_email:
            let v = pop("email") ?? ""
            if inpublisher { saveAuthor("email", v, prefix: "publisher") }
            else if inauthor { saveAuthor("email", v) }
            else if incontributor { saveContributor("email", v) }
        case .subtitle, .tagline, .itunes_subtitle: popContent("subtitle")
        case .rights, .copyright, .dc_rights: popContent("rights")
        case .item, .entry:
            pop("item"); inentry = false; hasContent = false
        case .language, .dc_language:
            if let v = pop("language") { lang = v }
        case .webmaster, .dc_publisher: pop("publisher"); syncAuthorDetail("publisher")
        case .itunes_owner: pop("publisher"); inpublisher = false; syncAuthorDetail("publisher")
        case .published, .dcterms_issued, .issued, .pubdate:
            saveDate("published", pop("published"))
        case .updated, .modified, .dcterms_modified, .dc_date, .lastbuilddate:
            saveDate("updated", pop("updated"))
        case .created, .dcterms_created: saveDate("created", pop("created"))
        case .expirationdate: saveDate("expired", pop("expired"))
        case .dcterms_valid:
            for part in (pop("validity") ?? "").split(separator: ";") {
                let kv = part.split(separator: "=", maxSplits: 1).map { Text.strip(String($0)) }
                guard kv.count == 2 else { continue }
                if kv[0] == "start" || kv[0] == "end" {
                    save("validity_\(kv[0])", .string(kv[1]), overwrite: true)
                    if let d = FeedDate.parse(kv[1]) {
                        save("validity_\(kv[0])_parsed", .string(FeedDate.iso(d)), overwrite: true)
                    }
                }
            }
        case .creativecommons_license:
            let v = pop("license")
            let c = context()
            let d = FPDict(); d["rel"] = .string("license")
            if let v, !v.isEmpty { d["href"] = .string(v) }
            c.list("links").append(.dict(d))
            c["license"] = nil
        case .tags:
            for t in (pop("tags") ?? "").split(separator: ",") { addTag(Text.strip(String(t)), nil, nil) }
        case .itunes_keywords:
            for t in (pop("itunes_keywords") ?? "").split(separator: ",") {
                let s = Text.strip(String(t)); if !s.isEmpty { addTag(s, "http://www.itunes.com/", nil) }
            }
        case .media_keywords:
            for t in (pop("media_keywords") ?? "").split(separator: ",") {
                let s = Text.strip(String(t)); if !s.isEmpty { addTag(s, nil, nil) }
            }
        case .category, .dc_subject, .keywords, .itunes_category, .media_category: endCategory()
        case .link: pop("link")
        case .guid, .id:
            let v = pop("id")
            save("guidislink", .bool(guidislink && !context().contains("link")))
            if guidislink, let v { save("link", .string(v)) }
        case .title, .dc_title:
            let v = popContent("title")
            if let v, !v.isEmpty { titleDepth = depth }
        case .media_title:
            let keep = titleDepth
            let v = popContent("title")
            if let v, !v.isEmpty { titleDepth = depth }
            titleDepth = keep
        case .description, .dc_description, .media_description, .abstract:
            if summaryKey == "content" { endContent() } else { popContent("description") }
            summaryKey = nil
        case .info, .feedburner_browserfriendly: popContent("info")
        case .generator:
            let v = pop("generator")
            if let d = context()["generator_detail"]?.dictValue { d["name"] = v.map { .string($0) } ?? .null }
        case .summary, .itunes_summary:
            if summaryKey == "content" { endContent() } else { popContent(summaryKey ?? "summary") }
            summaryKey = nil
        case .source:
            insource = false
            let v = pop("source")
            if let v, !v.isEmpty { sourcedata["title"] = .string(v) }
            context()["source"] = .dict(sourcedata.deepCopy())
            sourcedata = FPDict()
        case .content, .body, .xhtml_body, .content_encoded, .fullitem: endContent()
        case .newlocation:
            let url = pop("newlocation") ?? ""
            if context() === feed, let u = URLResolver.makeSafeAbsolute(base: baseuri, Text.strip(url)) {
                feed["newlocation"] = .string(u)
            }
        case .itunes_block:
            let v = pop("itunes_block", stripWhitespace: false)
            context()["itunes_block"] = .int((v == "yes" || v == "Yes") ? 1 : 0)
        case .itunes_explicit:
            let v = pop("itunes_explicit", stripWhitespace: false) ?? ""   // " yes " is not "yes" (feedparser)
            let c = context()
            if ["yes", "true", "explicit"].contains(v) { c["itunes_explicit"] = .bool(true) }
            else if ["no", "false", "clean"].contains(v) { c["itunes_explicit"] = .bool(false) }
            else { c["itunes_explicit"] = .null }
        case .itunes_image, .itunes_link: pop("itunes_image")
        case .media_thumbnail:
            let url = pop("url")
            if let url, !Text.strip(url).isEmpty, let d = context()["media_thumbnail"]?.listValue?.last?.dictValue,
               !d.contains("url") { d["url"] = .string(url) }
        case .media_player:
            let v = pop("media_player")
            if let d = context()["media_player"]?.dictValue { d["content"] = .string(v ?? "") }
        case .media_credit:
            let v = pop("credit")
            if let v, !Text.strip(v).isEmpty, let d = context()["media_credit"]?.listValue?.last?.dictValue {
                d["content"] = .string(v)
            }
        case .media_rating:
            let v = pop("rating")
            if let v, !Text.strip(v).isEmpty, let d = context()["media_rating"]?.dictValue { d["content"] = .string(v) }
        case .psc_chapters: pscChaptersOpen = false
        case .media_restriction:
            let v = pop("restriction")
            if let v, !Text.strip(v).isEmpty, let d = context()["media_restriction"]?.dictValue {
                d["content"] = .list(FPList(v.split(separator: " ").map { .string(Text.strip(String($0)).lowercased()) }))
            }
        case .media_license:
            let v = pop("license")
            if let v, !Text.strip(v).isEmpty, let d = context()["media_license"]?.dictValue { d["content"] = .string(v) }
        default:
            return endGeo(m)
        }
        return true
    }
}

/// Start-tag handlers (feedparser's `_start_*`). Returns false when the
/// element has no dedicated handler.
extension FeedBuilder {
    func start(_ m: Handler, _ attrs: Attrs) -> Bool {
        let anyContext = infeed || inentry || insource
        switch m {
        case .rss: startRSS(attrs)
        case .channel:
            infeed = true
            if version.isEmpty, rootTag == "channel" { version = "cdf" }
            cdfCommon(attrs)
        case .feed: startFeed(attrs)
        case .image:
            if !inentry { feed.setDefault("image", .dict(FPDict())) }
            inimage = true; titleDepth = -1; push("image", false)
        case .textinput:
            _ = context().dict("textinput")
            intextinput = true; titleDepth = -1; push("textinput", false)
        case .author, .managingeditor, .dc_author, .dc_creator, .itunes_author:
            inauthor = true; push("author", true)
            context().list("authors").append(.dict(FPDict()))
        case .contributor:
            incontributor = true
            context().list("contributors").append(.dict(FPDict()))
            push("contributor", false)
        case .dc_contributor:
            incontributor = true
            context().list("contributors").append(.dict(FPDict()))
            push("name", false)
        case .name, .itunes_name: push("name", false)
        case .width: push("width", false)
        case .height: push("height", false)
        case .url, .homepage, .uri: push("href", true)
        case .email, .itunes_email: push("email", false)
        case .subtitle, .tagline, .itunes_subtitle: pushContent("subtitle", attrs, "text/plain", true)
        case .rights, .copyright, .dc_rights: pushContent("rights", attrs, "text/plain", true)
        case .item, .entry: startItem(attrs)
        case .language, .dc_language: push("language", true)
        case .webmaster, .dc_publisher: push("publisher", true)
        case .itunes_owner: inpublisher = true; push("publisher", false)
        case .published, .dcterms_issued, .issued, .pubdate: push("published", true)
        case .updated, .modified, .dcterms_modified, .dc_date, .lastbuilddate: push("updated", true)
        case .created, .dcterms_created: push("created", true)
        case .expirationdate: push("expired", true)
        case .dcterms_valid: push("validity", true)
        case .cc_license:
            let d = FPDict()
            d["rel"] = .string("license")
            if let v = Self.attr(attrs, "rdf:resource"), !v.isEmpty { d["href"] = .string(v) }
            context().list("links").append(.dict(d))
        case .creativecommons_license: push("license", true)
        case .tags: push("tags", true)
        case .category, .dc_subject, .keywords:
            startCategory(attrs)
        case .media_category:
            var a = attrs
            if Self.attr(a, "scheme") == nil { a.append(("scheme", "http://search.yahoo.com/mrss/category_schema")) }
            startCategory(a)
        case .itunes_category:
            addTag(Self.attr(attrs, "text"), "http://www.itunes.com/", nil)
            push("category", true)
        case .itunes_keywords: push("itunes_keywords", true)
        case .media_keywords: push("media_keywords", true)
        case .cloud:
            let d = FPDict()
            for (k, v) in attrs { d[k] = .string(v) }
            context()["cloud"] = .dict(d)
        case .link: startLink(attrs, expecting: anyContext)
        case .guid, .id:
            guidislink = (Self.attr(attrs, "ispermalink") ?? "true") == "true"
            push("id", true)
        case .title, .dc_title, .media_title:
            pushContent("title", attrs, "text/plain", anyContext)
        case .description, .dc_description, .media_description:
            if context().contains("summary"), !hasContent {
                summaryKey = "content"
                startContent(attrs)
            } else {
                pushContent("description", attrs, "text/html", anyContext)
            }
        case .abstract: pushContent("description", attrs, "text/plain", anyContext)
        case .info, .feedburner_browserfriendly: pushContent("info", attrs, "text/plain", true)
        case .generator:
            let d = FPDict()
            for (k, v) in enforceHref(attrs) { d[k] = .string(k == "href" ? resolveURI(v) : v) }
            context()["generator_detail"] = .dict(d)
            push("generator", true)
        case .admin_generatoragent:
            push("generator", true)
            let v = Self.attr(attrs, "rdf:resource")
            if let v { setTopText(v) }
            pop("generator")
            let d = FPDict(); d["href"] = v.map { .string($0) } ?? .null
            context()["generator_detail"] = .dict(d)
        case .admin_errorreportsto:
            push("errorreportsto", true)
            if let v = Self.attr(attrs, "rdf:resource") { setTopText(v) }
            pop("errorreportsto")
        case .summary, .itunes_summary:
            if context().contains("summary"), !hasContent {
                summaryKey = "content"
                startContent(attrs)
            } else {
                summaryKey = "summary"
                pushContent("summary", attrs, "text/plain", true)
            }
        case .enclosure:
            let d = FPDict()
            for (k, v) in enforceHref(attrs) { d[k] = .string(k == "href" ? resolveURI(v) : v) }
            d["rel"] = .string("enclosure")
            context().list("links").append(.dict(d))
        case .source:
            if let u = Self.attr(attrs, "url") { sourcedata["href"] = .string(u) }
            push("source", true)
            insource = true; titleDepth = -1
        case .content: startContent(attrs)
        case .body, .xhtml_body: pushContent("content", attrs, "application/xhtml+xml", true)
        case .content_encoded, .fullitem:
            hasContent = true
            pushContent("content", attrs, "text/html", true)
        case .newlocation: push("newlocation", true)
        case .itunes_image, .itunes_link:
            push("itunes_image", false)
            if let h = Self.attr(attrs, "href"), !h.isEmpty {
                let d = FPDict(); d["href"] = .string(h); context()["image"] = .dict(d)
            } else if let h = Self.attr(attrs, "url"), !h.isEmpty {
                let d = FPDict(); d["href"] = .string(h); context()["image"] = .dict(d)
            }
        case .media_content:
            context().list("media_content").append(.dict(dict(attrs)))
        case .media_thumbnail:
            context().list("media_thumbnail").append(.dict(dict(attrs)))
            push("url", true)
        case .media_player:
            push("media_player", false)
            context()["media_player"] = .dict(dict(attrs))
        case .media_credit:
            context().list("media_credit").append(.dict(dict(attrs)))
            push("credit", true)
        case .media_rating:
            context().setDefault("media_rating", .dict(dict(attrs)))
            push("rating", true)
        case .media_license:
            context().setDefault("media_license", .dict(dict(attrs)))
            push("license", true)
        case .media_restriction:
            context().setDefault("media_restriction", .dict(dict(attrs)))
            push("restriction", true)
        case .psc_chapters:
            if !context().contains("psc_chapters") {
                pscChaptersOpen = true
                let d = dict(attrs)
                d["chapters"] = .list(FPList())
                context()["psc_chapters"] = .dict(d)
            }
        case .psc_chapter:
            if pscChaptersOpen, let list = context()["psc_chapters"]?.dictValue?["chapters"]?.listValue {
                let d = dict(attrs)
                if let secs = PodloveTime.seconds(Self.attr(attrs, "start") ?? "") { d["start_parsed"] = .double(secs) }
                list.append(.dict(d))
            }
        default:
            return startGeo(m, attrs)
        }
        return true
    }
}

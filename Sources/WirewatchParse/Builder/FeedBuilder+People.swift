/// Authors, contributors and publishers (feedparser's `_save_author`,
/// `_sync_author_detail`).
extension FeedBuilder {
    func endName() {
        let v = pop("name") ?? ""
        if inpublisher { saveAuthor("name", v, prefix: "publisher") }
        else if inauthor { saveAuthor("name", v) }
        else if incontributor { saveContributor("name", v) }
        else if intextinput { context()["name"] = .string(v) }
    }

    func saveAuthor(_ key: String, _ value: String, prefix: String = "author") {
        let c = context()
        c.dict(prefix + "_detail")[key] = .string(value)
        syncAuthorDetail(prefix)
        let list = c.list(prefix + "s")
        if list.items.isEmpty { list.append(.dict(FPDict())) }
        list.last?.dictValue?[key] = .string(value)
    }

    func saveContributor(_ key: String, _ value: String) {
        let list = context().list("contributors")
        if list.items.isEmpty { list.append(.dict(FPDict())) }
        list.last?.dictValue?[key] = .string(value)
    }

    func syncAuthorDetail(_ key: String) {
        let c = context()
        let detail = c[key + "s"]?.listValue?.last?.dictValue ?? FPDict()
        if !detail.isEmpty {
            let name = detail.string("name").flatMap { $0.isEmpty ? nil : $0 }
            let email = detail.string("email").flatMap { $0.isEmpty ? nil : $0 }
            if let name, let email {
                c[key] = .string("\(name) (\(email))")
            } else if let name {
                c[key] = .string(name)
            } else if let email {
                c[key] = .string(email)
            }
            return
        }
        guard var author = c.string(key), !author.isEmpty else { return }
        var email: String?
        if let r = Text.findEmail(author) {
            let e = String(author[r])
            email = e
            // Where no composed character sequence can be cut (ASCII on both
            // sides of each occurrence) Foundation's search matches exactly
            // the bytes, so they are removed directly; otherwise Foundation,
            // and only for leftovers present as bytes.
            author = Text.removingASCII(e, from: author) ?? author.replacingOccurrences(of: e, with: "")
            for leftover in ["()", "<>", "&lt;&gt;"] where Text.containsBytes(author, leftover) {
                author = Text.removingASCII(leftover, from: author) ?? author.replacingOccurrences(of: leftover, with: "")
            }
            author = Text.strip(author)
            if author.hasPrefix("(") { author.removeFirst() }
            if author.hasSuffix(")") { author.removeLast() }
            author = Text.strip(author)
        }
        if !author.isEmpty || email != nil {
            // The detail is the list's last (empty) person when there is a
            // list, so several dc:creator elements each keep their own name.
            let d = (c[key + "s"]?.listValue?.last?.dictValue) ?? c.dict(key + "_detail")
            if !author.isEmpty { d["name"] = .string(author) }
            if let email { d["email"] = .string(email) }
            c[key + "_detail"] = .dict(d)
        }
    }
}

extension FeedBuilder {
    /// feedparser's `can_be_relative_uri` (a switch: no hashing per element).
    static func canBeRelativeURI(_ element: String) -> Bool {
        switch element {
        case "link", "id", "wfw_comment", "wfw_commentrss", "docs", "url", "href", "comments", "icon", "logo": return true
        default: return false
        }
    }

    /// feedparser's `can_contain_relative_uris`.
    static func canContainRelativeURIs(_ element: String) -> Bool {
        switch element {
        case "content", "title", "summary", "info", "tagline", "subtitle", "copyright", "rights", "description": return true
        default: return false
        }
    }

    /// Close the top frame if it is `element`, post-process its text and
    /// store it in the current context (feedparser's `pop`).
    @discardableResult
    func pop(_ element: String, stripWhitespace: Bool = true) -> String? {
        guard let top = stack.last, top.element == element else { return nil }
        let frame = stack.removeLast()
        // The frame's text stays in the arena until this returns (nothing
        // below appends to it).
        defer { text.truncate(to: frame.start, pieces: frame.firstPiece) }
        let raw = unwrapXHTMLDiv(frame)
        // One pass over the bytes decides which (rarer) fix-ups are needed.
        var flags = TextFlags(raw)
        var output: String
        if frame.expectingText, let normalized = normalizeDirectly(element, raw, flags, stripWhitespace: stripWhitespace) {
            // Markup to normalize: straight from the collected bytes to the
            // normalized String (the steps skipped below do not apply).
            output = normalized
            contentparams.base64 = false
        } else {
            output = String(utf8Bytes: raw)
            if stripWhitespace, flags.mayNeedStrip { output = Text.strip(output) }
            if !frame.expectingText { return output }

            if contentparams.base64 {
                if let d = Base64.decodeUTF8(output) {
                    output = d
                    flags = Array(d.utf8).withUnsafeBufferPointer { TextFlags($0) }
                }
            }
            if Self.canBeRelativeURI(element), !output.isEmpty {
                if element == "id" {
                    // An id is a name, not a locator: resolve it only when it is
                    // relative, so tag:/urn: ids survive an xml:base.
                    if guidislink, URLResolver.scheme(of: output).isEmpty { output = resolveURI(output) }
                } else {
                    output = resolveURI(output)
                }
            }
            if !version.hasPrefix("atom"), contentparams.type == "text/plain", Text.looksLikeHTML(output) {
                contentparams.type = "text/html"
            }
            contentparams.base64 = false
            let htmlish = ContentParams.isHTMLType(ContentParams.mapType(contentparams.type ?? "text/html"))
            if htmlish, Self.canContainRelativeURIs(element), flags.hasMarkup {
                output = HTMLNormalizer.normalize(output, base: baseuri, type: contentparams.type ?? "text/html")
            }
        }
        if flags.onlyLatin1High, encoding == "utf-8" { output = Text.repairDoubleUTF8(output) }
        if flags.hasC1 { output = Text.translateC1(output) }

        if element == "category" || element == "tags" || element == "itunes_keywords" { return output }
        if element == "title", titleDepth > -1, titleDepth <= depth { return output }

        if inentry, !insource, let entry = entries.last {
            if element == "content" {
                entry.list("content").append(.dict(contentparams.detail(value: output)))
            } else if element == "link" {
                if !inimage {
                    let fixed = Text.fixLinkAmpersands(output, alsoAmp: true)
                    let last = entry["links"]?.listValue?.last?.dictValue
                    // An alternate link wins over any other rel (feedparser main's link priority).
                    let rel = last?.string("rel") ?? "alternate"
                    if rel == "alternate" || !entry.contains("link") {
                        entry["link"] = .string(fixed)
                    }
                    if !fixed.isEmpty, let last { last["href"] = .string(fixed) }
                }
            } else {
                let key = element == "description" ? "summary" : element
                let old = entry.depth(of: key)
                if old == nil || depth <= old! {
                    entry.setDepth(depth, of: key)
                    entry[key] = .string(output)
                }
                if incontent > 0 {
                    entry[key + "_detail"] = .dict(contentparams.detail(value: output))
                }
            }
        } else if infeed || insource {
            let c = context()
            let key = element == "description" ? "subtitle" : element
            c[key] = .string(output)
            if key == "link" {
                let fixed = Text.fixLinkAmpersands(output, alsoAmp: false)
                c[key] = .string(fixed)
                if let last = c["links"]?.listValue?.last?.dictValue { last["href"] = .string(fixed) }
            } else if incontent > 0 {
                c[key + "_detail"] = .dict(contentparams.detail(value: output))
            }
        }
        return output
    }

    /// The normalized HTML of `raw` when the general path would come to
    /// exactly that: text expected, not base64, an element whose HTML is
    /// normalized, an HTML type that the plain-text sniffing cannot change,
    /// markup present, and at most ASCII whitespace to strip. nil otherwise.
    private func normalizeDirectly(_ element: String, _ b: UnsafeBufferPointer<UInt8>, _ flags: TextFlags,
                                   stripWhitespace: Bool) -> String? {
        guard flags.hasMarkup, !contentparams.base64, Self.canContainRelativeURIs(element) else { return nil }
        let type = contentparams.type
        if type == "text/plain", !version.hasPrefix("atom") { return nil }
        guard ContentParams.isHTMLType(ContentParams.mapType(type ?? "text/html")) else { return nil }
        var s = 0
        var e = b.count
        if stripWhitespace {
            while s < e, Self.isASCIIStripSpace(b[s]) { s += 1 }
            while e > s, Self.isASCIIStripSpace(b[e - 1]) { e -= 1 }
            // A non-ASCII first or last character may be Unicode space: general path.
            guard s < e, b[s] < 0x80, b[e - 1] < 0x80 else { return nil }
        }
        return HTMLNormalizer.normalize(bytes: UnsafeBufferPointer(rebasing: b[s..<e]), base: baseuri,
                                        type: type ?? "text/html")
    }

    /// `Text.strip`'s whitespace, ASCII part.
    @inline(__always) static func isASCIIStripSpace(_ c: UInt8) -> Bool {
        (c >= 0x09 && c <= 0x0D) || c == 0x20 || (c >= 0x1C && c <= 0x1F)
    }

    /// Atom 1.0 XHTML constructs: drop the wrapping `<div>` when everything
    /// is nested inside it. A view of the frame's text in the arena.
    private func unwrapXHTMLDiv(_ frame: Frame) -> UnsafeBufferPointer<UInt8> {
        let bytes = text.bytes(from: frame.start)
        let pieceCount = text.pieceCount - frame.firstPiece
        guard version == "atom10", contentparams.type == "application/xhtml+xml", pieceCount > 1 else {
            return bytes
        }
        func view(_ r: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[r]) }
        var ranges: [Range<Int>] = []
        for i in 0..<pieceCount {
            let s = text.pieces[frame.firstPiece + i] - frame.start
            let e = i + 1 < pieceCount ? text.pieces[frame.firstPiece + i + 1] - frame.start : bytes.count
            ranges.append(s..<e)
        }
        func isBlank(_ r: Range<Int>) -> Bool { bytes[r].allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 } }
        while ranges.count > 1, isBlank(ranges.last!) { ranges.removeLast() }
        while ranges.count > 1, isBlank(ranges.first!) { ranges.removeFirst() }
        guard let first = ranges.first, let last = ranges.last else { return bytes }
        let f = view(first)
        let startsDiv = f.elementsEqual("<div>".utf8) || f.starts(with: "<div ".utf8)
        guard startsDiv, view(last).elementsEqual("</div>".utf8) else {
            return view(ranges.first!.lowerBound..<ranges.last!.upperBound)
        }
        var d = 0
        var closedEarly = false
        for r in ranges.dropLast() {
            let p = view(r)
            if p.starts(with: "</".utf8) {
                d -= 1
                if d == 0 { closedEarly = true; break }
            } else if p.first == UInt8(ascii: "<"), !p.elementsEqual("<".utf8), !(p.count >= 2 && p[p.count - 2] == UInt8(ascii: "/") && p.last == UInt8(ascii: ">")) {
                d += 1
            }
        }
        if closedEarly { return view(ranges.first!.lowerBound..<ranges.last!.upperBound) }
        if ranges.count <= 2 { return UnsafeBufferPointer(start: bytes.baseAddress, count: 0) }
        return view(ranges[1].lowerBound..<ranges[ranges.count - 2].upperBound)
    }

    func resolveURI(_ uri: String) -> String {
        URLResolver.makeSafeAbsolute(base: baseuri, uri) ?? ""
    }
}

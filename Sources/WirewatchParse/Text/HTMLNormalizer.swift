/// Re-serializes embedded HTML the way feedparser's HTML processor does,
/// without removing anything: tags re-written with double-quoted,
/// de-duplicated, sorted attributes; void elements as `<br />`; relative
/// URLs in URL attributes resolved against the base; character references
/// normalized (`&#X61;` → `&#x61;`, Windows-1252 code points → Unicode);
/// a `<` that starts no markup escaped. SVG and MathML get their namespace
/// declarations (and `xmlns:xlink` when xlink attributes are used).
enum HTMLNormalizer {
    static func normalize(_ html: String, base: String, type: String) -> String {
        var src = html
        return src.withUTF8 { b in
            var w = Writer(base: base, htmlType: type.hasSuffix("html"))
            w.run(b)
            return w.out.takeString()
        }
    }

    /// The same, straight from UTF-8 bytes (no intermediate String).
    static func normalize(bytes b: UnsafeBufferPointer<UInt8>, base: String, type: String) -> String {
        var w = Writer(base: base, htmlType: type.hasSuffix("html"))
        w.run(b)
        return w.out.takeString()
    }

    /// Every start tag through the general path (the tests compare the
    /// fast paths against it).
    static func normalizeGenerally(_ html: String, base: String, type: String) -> String {
        var src = html
        return src.withUTF8 { b in
            var w = Writer(base: base, htmlType: type.hasSuffix("html"))
            w.startTagFastPaths = false
            w.run(b)
            return w.out.takeString()
        }
    }

    struct Writer {
        var out = ByteSink(capacity: 16)
        let base: String
        let htmlType: Bool
        var foreignDepth = 0   // inside <svg> or <math>
        var startTagFastPaths = true

        init(base: String, htmlType: Bool) {
            self.base = base
            self.htmlType = htmlType
        }

        mutating func run(_ b: UnsafeBufferPointer<UInt8>) {
            out.reserve(b.count + 16)
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c == 60 { i = markup(b, i); continue }
                if c == 38 { i = reference(b, i); continue }
                // Copy the run of plain text up to the next markup as it is
                // scanned: each word loaded is stored at its output place
                // (lanes past the run are overwritten next), no memmove call.
                out.ensure(n - i + 8)
                let dst = out.tail
                var j = i
                let p = b.baseAddress!
                while j + 8 <= n {
                    let w = SWAR.load(p, j)
                    UnsafeMutableRawPointer(dst + (j - i)).storeBytes(of: w.littleEndian, as: UInt64.self)
                    let stop = SWAR.eq(w, 60) | SWAR.eq(w, 38)
                    if stop != 0 { j += SWAR.firstLane(stop); break }
                    j += 8
                }
                while j < n, b[j] != 60, b[j] != 38 { dst[j - i] = b[j]; j += 1 }
                out.advance(j - i)
                i = j
            }
        }

        mutating func append(_ s: String) {
            var s = s
            s.withUTF8 { out.append(contentsOf: $0) }
        }

        mutating func markup(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
            let n = b.count
            guard i + 1 < n else { append("&lt;"); return i + 1 }
            let d = b[i + 1]
            if d == 33 { // <!
                if i + 3 < n, b[i + 2] == 45, b[i + 3] == 45 {
                    var j = i + 4
                    while j + 2 < n, !(b[j] == 45 && b[j + 1] == 45 && b[j + 2] == 62) { j += 1 }
                    let e = min(n, j + 3)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<e]))
                    return e
                }
                if i + 2 < n, HTMLURLAttributes.isAlpha(b[i + 2]) {
                    let e = find(b, 62, from: i) ?? (n - 1)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...e]))
                    return e + 1
                }
                append("&lt;")
                return i + 1
            }
            if d == 63, let e = find(b, 62, from: i) { // <?
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...e]))
                return e + 1
            }
            if d == 47, i + 2 < n, HTMLURLAttributes.isAlpha(b[i + 2]) { // </name>
                var j = i + 2
                while j < n, HTMLURLAttributes.isNameChar(b[j]) || b[j] == 95 || b[j] == 46 { j += 1 }
                // Fast path: `</name>` already in normal form.
                if j < n, b[j] == 62, foreignDepth == 0, Self.isPlainLowerName(b, i + 2, j) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...j]))
                    return j + 1
                }
                guard let e = find(b, 62, from: j) else { append("&lt;"); return i + 1 }
                let raw = String(utf8Bytes: UnsafeBufferPointer(rebasing: b[(i + 2)..<j]))
                let lower = raw.lowercased()
                let name = foreignDepth > 0 ? raw : lower
                if lower == "svg" || lower == "math" { foreignDepth = max(0, foreignDepth - 1) }
                if !XHTMLWriter.isVoid(lower) { append("</" + name + ">") }
                return e + 1
            }
            if d == 62 { return i + 2 }   // "<>": an empty SGML short tag, dropped as feedparser does
            guard HTMLURLAttributes.isAlpha(d) else { append("&lt;"); return i + 1 }
            return startTag(b, i)
        }

        mutating func startTag(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
            let n = b.count
            var j = i + 1
            while j < n, HTMLURLAttributes.isNameChar(b[j]) || b[j] == 95 || b[j] == 46 { j += 1 }
            // Fast path: `<name>` without attributes, already in normal form.
            let fast = foreignDepth == 0 && startTagFastPaths
            if j < n, b[j] == 62, fast, Self.isPlainLowerName(b, i + 1, j) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...j]))
                return j + 1
            }
            if fast, let end = normalFormEnd(b, i, nameEnd: j) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i...end]))
                return end + 1
            }
            if fast, let next = simpleTag(b, i, nameEnd: j) { return next }
            let raw = String(utf8Bytes: UnsafeBufferPointer(rebasing: b[(i + 1)..<j]))
            let lower = raw.lowercased()
            var attrs: [(String, String)] = []
            var closed = false
            while j < n {
                let c = b[j]
                if c == 62 { closed = true; j += 1; break }
                if HTMLURLAttributes.isSpace(c) || c == 47 { j += 1; continue }
                if c == 60 { break } // a new tag starts: this one was never closed
                let ns = j
                while j < n, !HTMLURLAttributes.isSpace(b[j]), b[j] != 61, b[j] != 62, !(b[j] == 47 && j + 1 < n && b[j + 1] == 62) { j += 1 }
                let name = String(utf8Bytes: UnsafeBufferPointer(rebasing: b[ns..<j]))
                var k = j
                while k < n, HTMLURLAttributes.isSpace(b[k]) { k += 1 }
                var value = name
                if k < n, b[k] == 61 {
                    k += 1
                    while k < n, HTMLURLAttributes.isSpace(b[k]) { k += 1 }
                    if k < n, b[k] == 34 || b[k] == 39 {
                        let q = b[k]
                        let vs = k + 1
                        var e = vs
                        while e < n, b[e] != q { e += 1 }
                        value = String(utf8Bytes: UnsafeBufferPointer(rebasing: b[vs..<min(e, n)]))
                        j = min(n, e + 1)
                    } else {
                        let vs = k
                        var e = vs
                        while e < n, !HTMLURLAttributes.isSpace(b[e]), b[e] != 62 { e += 1 }
                        value = String(utf8Bytes: UnsafeBufferPointer(rebasing: b[vs..<e]))
                        j = e
                    }
                }
                if !name.isEmpty { attrs.append((name, value)) }
            }
            guard closed else {
                append("&lt;")
                return i + 1
            }
            if lower == "svg" || lower == "math" { foreignDepth += 1 }
            let foreign = foreignDepth > 0
            let tagName = foreign ? raw : lower
            // Collapse duplicates (last wins), lower-case keys, sort. A tag has
            // a handful of attributes: a small array beats a dictionary.
            var list: [(lk: String, key: String, value: String)] = []
            list.reserveCapacity(attrs.count + 1)
            for (k, v) in attrs {
                let lk = k.lowercased()
                let key = foreign ? k : lk
                let value = (lk == "rel" || lk == "type") ? v.lowercased() : v
                if let at = list.firstIndex(where: { $0.lk == lk }) {
                    list[at] = (lk, key, value)
                } else {
                    list.append((lk, key, value))
                }
            }
            if htmlType, !list.contains(where: { $0.lk == "xmlns" }) {
                if lower == "svg" { list.append(("xmlns", "xmlns", "http://www.w3.org/2000/svg")) }
                if lower == "math" { list.append(("xmlns", "xmlns", "http://www.w3.org/1998/Math/MathML")) }
            }
            if foreign, list.contains(where: { $0.lk.hasPrefix("xlink:") }), !list.contains(where: { $0.lk == "xmlns:xlink" }) {
                list.append(("xmlns:xlink", "xmlns:xlink", "http://www.w3.org/1999/xlink"))
            }
            list.sort { $0.lk < $1.lk }
            let wanted = HTMLURLAttributes.attributes[lower]
            append("<")
            append(tagName)
            for (lk, key, v0) in list {
                var v = v0
                if let wanted, wanted.contains(lk) {
                    v = URLResolver.makeSafeAbsolute(base: base, Text.strip(v)) ?? ""
                }
                append(" ")
                append(key)
                append("=\"")
                append(escapeAttr(v))
                append("\"")
            }
            append(XHTMLWriter.isVoid(lower) ? " />" : ">")
            return j
        }

        mutating func reference(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
            let n = b.count
            var j = i + 1
            if j < n, b[j] == 35 { // &#
                j += 1
                let hex = j < n && (b[j] | 0x20) == 120
                if hex { j += 1 }
                let st = j
                while j < n, ReferenceRepair.isDigit(b[j], hex: hex) { j += 1 }
                if j > st, j < n, b[j] == 59 {
                    let digits = String(utf8Bytes: UnsafeBufferPointer(rebasing: b[st..<j])).lowercased()
                    let v = UInt32(digits, radix: hex ? 16 : 10) ?? 0
                    if v >= 0x80, v <= 0x9F, let m = Windows1252.high[Int(v - 0x80)] {
                        append("&#x" + String(m, radix: 16) + ";")
                    } else {
                        append("&#" + (hex ? "x" : "") + digits + ";")
                    }
                    return j + 1
                }
                append("&amp;")
                return i + 1
            }
            let st = j
            while j < n, j - st < 40, Text.isAlnumUnderscore(b[j]) { j += 1 }
            if j > st, j < n, b[j] == 59 {
                let name = String(utf8Bytes: UnsafeBufferPointer(rebasing: b[st..<j]))
                if ReferenceRepair.predefined.contains(name) || HTMLEntities.lookup(name) != nil {
                    append("&" + name + ";")
                } else {
                    append("&amp;" + name + ";")
                }
                return j + 1
            }
            append("&amp;")   // a bare ampersand
            return i + 1
        }

        /// If the start tag at `i` is already exactly what the slow path
        /// would write (`<name a="v" b="w">`: lower-case names in sorted order,
        /// double quotes, nothing to escape or resolve), the index of its
        /// `>`; nil otherwise. Most tags in real feeds take this path.
        func normalFormEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, nameEnd: Int) -> Int? {
            guard Self.isPlainLowerName(b, i + 1, nameEnd) else { return nil }
            let n = b.count
            var j = nameEnd
            var prevName: UnsafeBufferPointer<UInt8>? = nil
            var urlAttrs: Set<String>? = nil
            var tagName: String? = nil
            let isAnchor = nameEnd == i + 2 && b[i + 1] == 97
            while j < n {
                if b[j] == 62 { return j }
                guard b[j] == 32 else { return nil }
                j += 1
                let ns = j
                while j < n, (b[j] >= 97 && b[j] <= 122) || b[j] == 45 || b[j] == 95 || (b[j] >= 48 && b[j] <= 57) { j += 1 }
                guard j > ns, j + 1 < n, b[j] == 61, b[j + 1] == 34 else { return nil }
                let name = UnsafeBufferPointer(rebasing: b[ns..<j])
                if let prevName, !prevName.lexicographicallyPrecedes(name) { return nil }
                prevName = name
                let vs = j + 2
                guard let e = SWAR.plainQuotedValueEnd(b, from: vs) else { return nil }
                let value = UnsafeBufferPointer(rebasing: b[vs..<e])
                let nameLen = j - ns
                if (nameLen == 3 && name.elementsEqual("rel".utf8)) || (nameLen == 4 && name.elementsEqual("type".utf8)) {
                    if value.contains(where: { $0 >= 65 && $0 <= 90 }) { return nil }
                }
                let isURL: Bool
                if isAnchor {
                    // <a href>: by far the most common tag with a URL attribute.
                    isURL = nameLen == 4 && name.elementsEqual("href".utf8)
                } else {
                    if urlAttrs == nil {
                        tagName = String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<nameEnd]), as: UTF8.self)
                        urlAttrs = HTMLURLAttributes.attributes[tagName!] ?? []
                    }
                    isURL = !urlAttrs!.isEmpty && urlAttrs!.contains(String(decoding: name, as: UTF8.self))
                }
                if isURL {
                    if let f = value.first, f <= 32 { return nil }
                    if let l = value.last, l <= 32 { return nil }
                    if !base.isEmpty, !URLResolver.isPlainAbsoluteHTTP(bytes: value) { return nil }
                }
                j = e + 1
            }
            return nil
        }

        /// Lower-case ASCII letters and digits, not a void element, not
        /// svg/math (those need rewriting).
        static func isPlainLowerName(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
            guard e - s <= 8 else { return false }
            var key: UInt64 = 0
            for k in s..<e {
                let c = b[k]
                guard (c >= 97 && c <= 122) || (c >= 48 && c <= 57) else { return false }
                key = key << 8 | UInt64(c)
            }
            return !TagClass.needsRewrite(key)
        }

        func find(_ b: UnsafeBufferPointer<UInt8>, _ c: UInt8, from: Int) -> Int? {
            var k = from
            while k < b.count { if b[k] == c { return k }; k += 1 }
            return nil
        }

        /// Quote-safe attribute value; a bare `&` becomes `&amp;`.
        func escapeAttr(_ s: String) -> String {
            guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 }) else { return s }
            var r: [UInt8] = []
            let u = Array(s.utf8)
            var i = 0
            while i < u.count {
                switch u[i] {
                case 60: r.append(contentsOf: "&lt;".utf8)
                case 62: r.append(contentsOf: "&gt;".utf8)
                case 34: r.append(contentsOf: "&quot;".utf8)
                case 38:
                    var j = i + 1
                    if j < u.count, u[j] == 35 { j += 1; if j < u.count, (u[j] | 0x20) == 120 { j += 1 } }
                    let st = j
                    while j < u.count, Text.isAlnumUnderscore(u[j]) { j += 1 }
                    if j > st, j < u.count, u[j] == 59 { r.append(38) } else { r.append(contentsOf: "&amp;".utf8) }
                default: r.append(u[i])
                }
                i += 1
            }
            return String(decoding: r, as: UTF8.self)
        }
    }
}

/// Plain-text renditions of feed text for matching and dedup.
public enum PlainText {
    /// Tags stripped, entities decoded, whitespace collapsed, `<script>` /
    /// `<style>` contents and comments dropped. Byte-level, single pass.
    public static func fromHTML(_ s: String) -> String { render(s).text }

    /// `fromHTML`, and once more when its text is still HTML: markup escaped
    /// twice (`&amp;lt;p&amp;gt;`, `&amp;nbsp;`) leaves tags or references
    /// after one pass. "Still HTML" is feedparser's test (a closing tag or a
    /// reference, and only HTML names), so `Vec<T>` or `x < y` stay text.
    public static func fromHTMLEscapedOnceOrTwice(_ s: String) -> String {
        let (once, mayHoldMarkup) = render(s)
        guard mayHoldMarkup, hasClosingTagOrReference(once), Text.looksLikeHTML(once) else { return once }
        return fromHTML(once)
    }

    /// Whether `s` has a `</name>` or a `&name;` / `&#…;`: without one,
    /// `Text.looksLikeHTML` is false, and most text with a '<' or an '&'
    /// ("AT&T", "x < y") has none. Eight bytes a step to each '<' or '&'.
    static func hasClosingTagOrReference(_ s: String) -> Bool {
        var src = s
        return src.withUTF8 { b -> Bool in
            let n = b.count
            guard let p = b.baseAddress else { return false }
            var i = 0
            while i < n {
                if i + 8 <= n {
                    let w = SWAR.load(p, i)
                    let m = SWAR.eq(w, 60) | SWAR.eq(w, 38)
                    if m == 0 { i += 8; continue }
                    i += SWAR.firstLane(m)
                }
                let c = b[i]
                i += 1
                guard c == 60 || c == 38 else { continue }
                var j = i
                if c == 60 {
                    guard j < n, b[j] == 47 else { continue }
                    j += 1
                } else if j < n, b[j] == 35 {
                    j += 1
                }
                let st = j
                while j < n, Text.isWord(b[j]) { j += 1 }
                if j > st, j < n, b[j] == (c == 60 ? 62 : 59) { return true }
            }
            return false
        }
    }

    /// The rendition, and whether it holds a '<' or an '&' (which it writes
    /// only one at a time, never in a copied run).
    static func render(_ s: String) -> (text: String, mayHoldMarkup: Bool) {
        var src = s
        return src.withUTF8 { b -> (text: String, mayHoldMarkup: Bool) in
            let n = b.count
            guard n > 0 else { return ("", false) }
            // The rendition is never longer than its source (every reference
            // is at least as long as its UTF-8, a space stands for at least
            // one consumed byte), so it is written into a buffer of that
            // size through a raw pointer, then copied into a String of
            // exactly its length. It is valid UTF-8 by construction (the
            // source is a String, every cut falls before an ASCII byte or
            // a lead byte, decoded references are encoded scalars), so it
            // is not validated again; the scan tells whether it is ASCII.
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: n + 4)
            defer { buffer.deallocate() }
            let (count, high, markup) = { () -> (Int, UInt64, Bool) in
                var sink = Sink(buffer)
                var i = 0
                while i < n {
                    let c = b[i]
                    if c == UInt8(ascii: "<") {
                        i = skipMarkup(b, i, &sink)
                        continue
                    }
                    if c == UInt8(ascii: "&") {
                        if let (v, len) = decodeEntity(b, i) { sink.emitScalar(v); i += len; continue }
                        sink.emit(c); i += 1; continue
                    }
                    if c == 32 || c == 9 || c == 10 || c == 13 || c == 12 {
                        sink.pendingSpace = true; i += 1; continue
                    }
                    if c == 0xC2, i + 1 < n, b[i + 1] == 0xA0 { sink.pendingSpace = true; i += 2; continue }
                    // A run of ordinary bytes (no markup, reference or space) is copied at once.
                    // A single space between words stays inside the run, so a
                    // sentence is one copy rather than one per word.
                    var j = i + 1
                    // Every byte of the run passes through `seen` (and a few
                    // after it: at worst an ASCII text is called non-ASCII).
                    var seen = UInt64(c)
                    // The run is copied as it is scanned: each word loaded is
                    // stored at its output place (input index + shift; the
                    // lanes past the run's end are overwritten or beyond the
                    // count, and never past the source length, which the
                    // output never outruns), so no separate copy per run.
                    sink.flushSpace()
                    let out = sink.out
                    let shift = sink.count - i
                    out[i + shift] = c
                    // Eight bytes at a time to the next candidate stop, then the
                    // exact byte rule. A lane is a candidate if it is markup, a
                    // reference, C2 or a control/space other than ' ', or a ' '
                    // followed by one of those or another space; a ' ' in the
                    // last lane is always a candidate (its follower is in the
                    // next word), the byte rule decides.
                    let p = b.baseAddress!
                    while j < n {
                        if j + 8 <= n {
                            let w = SWAR.load(p, j)
                            seen |= w
                            UnsafeMutableRawPointer(out + (j + shift)).storeBytes(of: w.littleEndian, as: UInt64.self)
                            let sp = SWAR.eq(w, 32)
                            let special = SWAR.eq(w, 60) | SWAR.eq(w, 38) | SWAR.eq(w, 0xC2) | SWAR.lt(w, 33)
                            let stop = (special & ~sp) | (sp & ((special >> 8) | (0x80 << 56)))
                            if stop == 0 { j += 8; continue }
                            j += SWAR.firstLane(stop)
                        }
                        let d = b[j]
                        seen |= UInt64(d)
                        if d == 60 || d == 38 || d == 0xC2 { break }
                        if d <= 32 {
                            guard d == 32, j + 1 < n else { break }
                            let e = b[j + 1]
                            if e <= 32 || e == 60 || e == 38 || e == 0xC2 { break }
                        }
                        out[j + shift] = d
                        j += 1
                    }
                    sink.count = j + shift
                    sink.high |= seen
                    i = j
                }
                return (sink.count, sink.high, sink.markup)
            }()
            let text = UnsafeBufferPointer(start: buffer, count: count)
            // Debug builds check both claims: valid, and ASCII when said so.
            assert(UTF8Validator.scan(text).valid)
            assert(high & SWAR.highs != 0 || UTF8Validator.scan(text).ascii)
            return (String(checkedUTF8: text, isASCII: high & SWAR.highs == 0) ?? String(utf8Bytes: text), markup)
        }
    }

    /// Output with whitespace collapsing, written through a raw pointer
    /// into storage the caller sized; a value type so the hot loop has no
    /// captured (boxed) state.
    struct Sink {
        let out: UnsafeMutablePointer<UInt8>
        var count = 0
        var pendingSpace = false
        /// The OR of every byte written (bit 7 of some lane set: not ASCII).
        var high: UInt64 = 0
        /// A '<' or '&' was written.
        var markup = false

        init(_ out: UnsafeMutablePointer<UInt8>) { self.out = out }

        @inline(__always) mutating func flushSpace() {
            if pendingSpace {
                if count > 0 { out[count] = 32; count += 1 }
                pendingSpace = false
            }
        }

        @inline(__always) mutating func emit(_ c: UInt8) {
            flushSpace()
            if c == 60 || c == 38 { markup = true }
            out[count] = c
            count += 1
        }

        mutating func emitScalar(_ v: UInt32) {
            // Spaces written as references (`&#32;`, `&#10;`, `&nbsp;`, `&thinsp;`…) collapse like literal ones.
            if v == 32 || v == 9 || v == 10 || v == 13 || v == 12 || v == 0xA0 || v == 0x2009 || v == 0x2002 || v == 0x2003 {
                pendingSpace = true; return
            }
            flushSpace()
            if v >= 0x80 { high |= 0x80 }
            if v == 60 || v == 38 { markup = true }
            switch v {
            case 0..<0x80:
                out[count] = UInt8(v); count += 1
            case 0x80..<0x800:
                out[count] = UInt8(0xC0 | (v >> 6)); out[count + 1] = UInt8(0x80 | (v & 0x3F)); count += 2
            case 0x800..<0x10000:
                out[count] = UInt8(0xE0 | (v >> 12)); out[count + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                out[count + 2] = UInt8(0x80 | (v & 0x3F)); count += 3
            default:
                out[count] = UInt8(0xF0 | (v >> 18)); out[count + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                out[count + 2] = UInt8(0x80 | ((v >> 6) & 0x3F)); out[count + 3] = UInt8(0x80 | (v & 0x3F)); count += 4
            }
        }
    }

    /// Skips a tag, comment or script/style element starting at `i`.
    static func skipMarkup(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ sink: inout Sink) -> Int {
        let n = b.count
        if i + 3 < n, b[i + 1] == UInt8(ascii: "!"), b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") {
            var j = i + 4
            while j + 2 < n, !(b[j] == 45 && b[j + 1] == 45 && b[j + 2] == 62) { j += 1 }
            return min(n, j + 3)
        }
        var j = i + 1
        let closing = j < n && b[j] == UInt8(ascii: "/")
        if closing { j += 1 }
        let ns = j
        while j < n, HTMLURLAttributes.isNameChar(b[j]) { j += 1 }
        if j == ns && !(j < n && (b[j] == UInt8(ascii: "!") || b[j] == UInt8(ascii: "?"))) {
            sink.emit(b[i])   // a lone '<' is text
            return i + 1
        }
        let kind = nameKind(b, ns, j)
        var q: UInt8 = 0
        let p = b.baseAddress!
        while j < n {
            // Skip eight bytes at a time to the next byte that matters
            // ('>' or a quote outside quotes, the closing quote inside).
            if j + 8 <= n {
                let w = SWAR.load(p, j)
                let m = q == 0 ? (SWAR.eq(w, 62) | SWAR.eq(w, 34) | SWAR.eq(w, 39)) : SWAR.eq(w, q)
                if m == 0 { j += 8; continue }
                j += SWAR.firstLane(m)
            }
            let d = b[j]
            if q != 0 { if d == q { q = 0 } } else if d == 34 || d == 39 { q = d } else if d == 62 { break }
            j += 1
        }
        var next = min(n, j + 1)
        if !closing, kind == .script || kind == .style {
            let len = kind == .script ? 6 : 5
            var k = next
            while k + 1 < n {
                if b[k] == 60, b[k + 1] == 47, k + 2 + len <= n, nameKind(b, k + 2, k + 2 + len) == kind { break }
                k += 1
            }
            while k < n, b[k] != 62 { k += 1 }
            next = min(n, k + 1)
            return next
        }
        if kind != .inline { sink.pendingSpace = true }
        return next
    }

    enum NameKind { case inline, block, script, style }

    /// Classifies a tag name without building a String.
    static func nameKind(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> NameKind {
        let len = e - s
        guard len > 0, len <= 6 else { return .block }
        var key: UInt64 = 0
        for k in s..<e {
            var c = b[k]
            if c >= 65 && c <= 90 { c += 32 }
            key = key << 8 | UInt64(c)
        }
        if key == TagClass.script { return .script }
        if key == TagClass.style { return .style }
        return TagClass.isInline(key) ? .inline : .block
    }

    static func packed(_ s: String) -> UInt64 { s.utf8.reduce(0) { $0 << 8 | UInt64($1) } }

    /// Whitespace collapsed and trimmed; nothing else changed.
    public static func collapse(_ s: String) -> String {
        var src = s
        return src.withUTF8 { b -> String in
            let n = b.count
            guard n > 0 else { return "" }
            return String(unsafeUninitializedCapacity: n) { out -> Int in
                var count = 0
                var pending = false
                for c in b {
                    if c == 32 || c == 9 || c == 10 || c == 13 || c == 12 { pending = true; continue }
                    if pending, count > 0 { out[count] = 32; count += 1 }
                    pending = false
                    out[count] = c
                    count += 1
                }
                return count
            }
        }
    }

    /// Character references decoded once, nothing else changed: for plain
    /// text that still holds them (a title escaped twice, `&amp;amp;`).
    /// Text with no `&` is returned as it is.
    public static func decodingLeftoverReferences(_ s: String) -> String {
        guard s.utf8.contains(38) else { return s }
        var src = s
        return src.withUTF8 { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                if b[i] == 38, let (v, len) = decodeEntity(b, i), let u = Unicode.Scalar(v) {
                    out.append(contentsOf: String(Character(u)).utf8)
                    i += len
                } else {
                    out.append(b[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The value of a `&#…;` / `&#x…;` at `i` (any value) and its length.
    static func rawCharRef(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
        let n = b.count
        guard i + 3 < n, b[i] == 38, b[i + 1] == 35 else { return nil }
        var j = i + 2
        let hex = b[j] | 0x20 == 120
        if hex { j += 1 }
        var v: UInt32 = 0
        let st = j
        while j < n, j - st < 7 {
            let c = b[j] | 0x20
            if b[j] >= 48 && b[j] <= 57 { v = v * (hex ? 16 : 10) + UInt32(b[j] - 48) }
            else if hex, c >= 97, c <= 102 { v = v * 16 + UInt32(c - 87) }
            else { break }
            j += 1
        }
        guard j > st, j < n, b[j] == 59 else { return nil }
        return (v, j + 1 - i)
    }

    /// `&name;`, `&#123;`, `&#x1F;` at `i` → (scalar, length consumed).
    static func decodeEntity(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
        let n = b.count
        var j = i + 1
        guard j < n else { return nil }
        if b[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < n, b[j] | 0x20 == UInt8(ascii: "x") { hex = true; j += 1 }
            var v: UInt32 = 0
            let st = j
            while j < n, j - st < 8 {
                let c = b[j]
                if c >= 48 && c <= 57 { v = v * (hex ? 16 : 10) + UInt32(c - 48) }
                else if hex, (c | 0x20) >= 97, (c | 0x20) <= 102 { v = v * 16 + UInt32((c | 0x20) - 87) }
                else { break }
                j += 1
            }
            guard j > st else { return nil }
            if j < n, b[j] == UInt8(ascii: ";") { j += 1 }
            // A surrogate pair written as two references is one character.
            if (0xD800...0xDBFF).contains(v), let (lo, len) = rawCharRef(b, j), (0xDC00...0xDFFF).contains(lo) {
                return (0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00), j - i + len)
            }
            if v >= 0x80 && v <= 0x9F, let m = Windows1252.high[Int(v - 0x80)] { v = m }
            guard v > 0, v < 0x110000, !(0xD800...0xDFFF).contains(v) else { return nil }
            return (v, j - i)
        }
        let st = j
        while j < n, j - st < 32, Text.isAlnumUnderscore(b[j]) { j += 1 }
        guard j > st, j < n, b[j] == UInt8(ascii: ";") else { return nil }
        let name = UnsafeBufferPointer(rebasing: b[st..<j])
        let v: UInt32?
        switch String(decoding: name, as: UTF8.self) {
        case "amp": v = 38
        case "lt": v = 60
        case "gt": v = 62
        case "quot": v = 34
        case "apos": v = 39
        default: v = HTMLEntities.codePoint(name)
        }
        guard let v else { return nil }
        return (v, j + 1 - i)
    }
}

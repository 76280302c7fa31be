import WirewatchCore
@testable import WirewatchParse

/// The original PlainText (before the byte-level rewrite), kept as the reference the fast version is checked against.
enum ReferencePlainText {
    /// Tags stripped, entities decoded, whitespace collapsed, `<script>` /
    /// `<style>` contents and comments dropped. Byte-level, single pass.
    static func fromHTML(_ s: String) -> String {
        var src = s
        return src.withUTF8 { b -> String in
            var sink = Sink(capacity: b.count)
            var i = 0
            let n = b.count
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
                while j < n {
                    let d = b[j]
                    if d == 60 || d == 38 || d == 0xC2 { break }
                    if d <= 32 {
                        guard d == 32, j + 1 < n else { break }
                        let e = b[j + 1]
                        if e <= 32 || e == 60 || e == 38 || e == 0xC2 { break }
                    }
                    j += 1
                }
                sink.emitRun(UnsafeBufferPointer(rebasing: b[i..<j]))
                i = j
            }
            return String(decoding: sink.out, as: UTF8.self)
        }
    }

    /// Output with whitespace collapsing; a value type so the hot loop has
    /// no captured (boxed) state.
    struct Sink {
        var out: [UInt8] = []
        var pendingSpace = false

        init(capacity: Int) { out.reserveCapacity(capacity) }

        @inline(__always) mutating func emit(_ c: UInt8) {
            if pendingSpace {
                if !out.isEmpty { out.append(32) }
                pendingSpace = false
            }
            out.append(c)
        }

        @inline(__always) mutating func emitRun(_ r: UnsafeBufferPointer<UInt8>) {
            if pendingSpace {
                if !out.isEmpty { out.append(32) }
                pendingSpace = false
            }
            out.append(contentsOf: r)
        }

        mutating func emitScalar(_ v: UInt32) {
            if v == 32 || v == 9 || v == 10 || v == 13 || v == 12 || v == 0xA0 || v == 0x2009 || v == 0x2002 || v == 0x2003 {
                pendingSpace = true; return
            }
            if v < 0x80 { emit(UInt8(v)); return }
            if pendingSpace {
                if !out.isEmpty { out.append(32) }
                pendingSpace = false
            }
            Transcoder.appendScalar(v, &out)
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
        while j < n {
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
        if key == scriptKey { return .script }
        if key == styleKey { return .style }
        return inlineKeys.contains(key) ? .inline : .block
    }

    static func packed(_ s: String) -> UInt64 { s.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
    static let scriptKey = packed("script")
    static let styleKey = packed("style")
    static let inlineKeys: Set<UInt64> = Set([
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "big", "tt", "strike", "ins", "del",
    ].map(packed))

    /// Whitespace collapsed and trimmed; nothing else changed.
    static func collapse(_ s: String) -> String {
        var src = s
        return src.withUTF8 { b -> String in
            var out: [UInt8] = []
            out.reserveCapacity(b.count)
            var pending = false
            for c in b {
                if c == 32 || c == 9 || c == 10 || c == 13 || c == 12 { pending = true; continue }
                if pending, !out.isEmpty { out.append(32) }
                pending = false
                out.append(c)
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

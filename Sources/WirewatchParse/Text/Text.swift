/// Small byte-level text helpers shared by the builder.
enum Text {
    /// Python's `str.strip()`: Unicode whitespace at both ends.
    static func strip(_ s: String) -> String {
        let u = s.unicodeScalars
        guard let f = u.firstIndex(where: { !isSpace($0) }) else { return "" }
        let l = u.lastIndex(where: { !isSpace($0) })!
        if f == u.startIndex && l == u.index(before: u.endIndex) { return s }
        return String(u[f...l])
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x1C...0x1F, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default: return false
        }
    }

    /// feedparser's `lookslikehtml`: a closing tag or an entity reference,
    /// and only known HTML element names / entity names.
    static func looksLikeHTML(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var hasClose = false, hasEntity = false
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "<") {
                var j = i + 1
                let closing = j < b.count && b[j] == UInt8(ascii: "/")
                if closing { j += 1 }
                let st = j
                while j < b.count, isWord(b[j]) { j += 1 }
                if j > st {
                    let name = String(decoding: b[st..<j], as: UTF8.self).lowercased()
                    if !HTMLVocabulary.elements.contains(name) { return false }
                    if closing, j < b.count, b[j] == UInt8(ascii: ">") { hasClose = true }
                }
                i = j
                continue
            }
            if b[i] == UInt8(ascii: "&") {
                var j = i + 1
                let numeric = j < b.count && b[j] == UInt8(ascii: "#")
                if numeric { j += 1 }
                let st = j
                while j < b.count, isWord(b[j]) { j += 1 }
                if j > st, j < b.count, b[j] == UInt8(ascii: ";") {
                    hasEntity = true
                    if !numeric {
                        let name = String(decoding: b[st..<j], as: UTF8.self)
                        if HTMLEntities.lookup(name) == nil && !["amp", "lt", "gt", "quot", "apos"].contains(name) { return false }
                    }
                }
                i = j
                continue
            }
            i += 1
        }
        return hasClose || hasEntity
    }

    @inline(__always) static func isWord(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c >= 0x80
    }

    /// feedparser re-decodes text that was UTF-8 read as Latin-1
    /// (`output.encode('iso-8859-1').decode('utf-8')`), when that works.
    static func repairDoubleUTF8(_ s: String) -> String {
        // Every check below returns `s` when it fails, so the cheapest runs
        // first. The first non-ASCII character must map to a UTF-8 lead byte
        // (U+00C2…U+00F4) followed by a continuation (U+0080…U+00BF), or the
        // re-decoding fails anyway: most real Latin-1 text ("Jürgen") stops
        // here, after a scan (eight bytes a step) to its first non-ASCII byte.
        var copy = s
        let plausible = copy.withUTF8 { b -> Bool in
            let n = b.count
            var i = 0
            if let p = b.baseAddress {
                while i + 8 <= n, SWAR.load(p, i) & SWAR.highs == 0 { i += 8 }
            }
            while i < n, b[i] < 0x80 { i += 1 }
            guard i < n else { return false }   // all ASCII: nothing to repair
            guard i + 3 < b.count else { return true }
            let lead = b[i] == 0xC3 ? UInt32(b[i + 1]) + 0x40 : UInt32(b[i + 1])
            guard lead >= 0xC2, lead <= 0xF4 else { return false }
            return b[i + 2] == 0xC2 && b[i + 3] >= 0x80 && b[i + 3] <= 0xBF
        }
        guard plausible else { return s }
        // Only text made of U+0080…U+00FF (lead bytes C2/C3) can qualify.
        for b in s.utf8 where b >= 0xC4 { return s }
        var hasHigh = false
        for u in s.unicodeScalars {
            if u.value > 0xFF { return s }
            if u.value >= 0x80 { hasHigh = true }
        }
        guard hasHigh else { return s }
        let bytes = s.unicodeScalars.map { UInt8($0.value) }
        guard bytes.withUnsafeBufferPointer({ UTF8Validator.isValid($0) }) else { return s }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Map C1 controls (U+0080–U+009F) to their Windows-1252 meaning.
    static func translateC1(_ s: String) -> String {
        // U+0080…U+009F is C2 80…C2 9F in UTF-8.
        var prevC2 = false
        var found = false
        for b in s.utf8 {
            if prevC2, b >= 0x80, b <= 0x9F { found = true; break }
            prevC2 = b == 0xC2
        }
        guard found else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.value >= 0x80 && u.value <= 0x9F, let m = Windows1252.high[Int(u.value - 0x80)] {
                out.append(Unicode.Scalar(m)!)
            } else {
                out.append(u)
            }
        }
        return String(out)
    }

    /// `?a=1&b;=2` → `?a=1&b=2` (feedparser's link fix-up).
    static func fixLinkAmpersands(_ s: String, alsoAmp: Bool) -> String {
        // No '&' byte at all: nothing to fix (skips the substring search).
        guard s.utf8.contains(38), s.contains("&") else { return s }
        var t = alsoAmp ? s.replacingOccurrences(of: "&amp;", with: "&") : s
        let b = Array(t.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "&") {
                var j = i + 1
                while j < b.count, isAlnumUnderscore(b[j]) { j += 1 }
                if j > i + 1, j < b.count, b[j] == UInt8(ascii: ";") {
                    out.append(contentsOf: b[i..<j])
                    i = j + 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        t = String(decoding: out, as: UTF8.self)
        return t
    }

    @inline(__always) static func isAlnumUnderscore(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }

    /// Whether `pattern`'s UTF-8 occurs in `s`'s.
    static func containsBytes(_ s: String, _ pattern: String) -> Bool {
        let p = Array(pattern.utf8)
        guard let first = p.first else { return true }
        let u = Array(s.utf8)
        guard u.count >= p.count else { return false }
        for i in 0...(u.count - p.count) where u[i] == first && u[i..<(i + p.count)].elementsEqual(p) { return true }
        return false
    }

    /// The e-mail address inside an author string (feedparser's pattern,
    /// simplified: local@domain.tld).
    static func findEmail(_ s: String) -> Range<String.Index>? {
        // No '@' byte, no "@" character: skip the Character walk.
        guard s.utf8.contains(64) else { return nil }
        // In ASCII text every Character is one byte ("\r\n" aside, which
        // neither walk accepts), so the same walk over bytes finds the same
        // range; elsewhere too when no non-ASCII byte touches the address.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return findASCIIEmail(s) }
        if let exact = findEmailAmongASCII(s) { return exact }
        return findEmailByCharacter(s)
    }

    static func findEmailByCharacter(_ s: String) -> Range<String.Index>? {
        guard let at = s.firstIndex(of: "@") else { return nil }
        func localOK(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || "_-.+".contains(c)) }
        func domOK(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || "-.".contains(c)) }
        var start = at
        while start > s.startIndex, localOK(s[s.index(before: start)]) { start = s.index(before: start) }
        guard start < at else { return nil }
        var end = s.index(after: at)
        while end < s.endIndex, domOK(s[end]) { end = s.index(after: end) }
        var domain = s[s.index(after: at)..<end]
        while domain.hasSuffix(".") { domain = domain.dropLast(); end = s.index(before: end) }
        guard domain.contains(".") else { return nil }
        // optional ?subject=...
        if end < s.endIndex, s[end...].hasPrefix("?subject=") {
            var e = s.index(end, offsetBy: 9)
            while e < s.endIndex, !s[e].isWhitespace { e = s.index(after: e) }
            end = e
        }
        return start..<end
    }
}

extension Text {
    /// `s` without any occurrence of `pattern` (left to right, not
    /// overlapping), by bytes: `replacingOccurrences(of:with: "")` for
    /// ASCII `s`.
    static func removingASCII(_ pattern: String, from s: String) -> String {
        let p = Array(pattern.utf8)
        let u = Array(s.utf8)
        guard !p.isEmpty, u.count >= p.count else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if i + p.count <= u.count, u[i] == p[0], u[i..<(i + p.count)].elementsEqual(p) {
                i += p.count
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return out.count == u.count ? s : String(decoding: out, as: UTF8.self)
    }

    /// `findEmail` for ASCII text, over bytes: the same walk (local part
    /// back from the first `@`, domain forward, trailing dots dropped, an
    /// optional `?subject=…`) without a Character per step.
    static func findASCIIEmail(_ s: String) -> Range<String.Index>? {
        let u = Array(s.utf8)
        guard let at = u.firstIndex(of: 64) else { return nil }
        func isAlnum(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 || (c >= 48 && c <= 57) }
        func localOK(_ c: UInt8) -> Bool { isAlnum(c) || c == 95 || c == 45 || c == 46 || c == 43 }   // _ - . +
        func domOK(_ c: UInt8) -> Bool { isAlnum(c) || c == 45 || c == 46 }                            // - .
        var start = at
        while start > 0, localOK(u[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1
        while end < u.count, domOK(u[end]) { end += 1 }
        while end > at + 1, u[end - 1] == 46 { end -= 1 }
        guard u[(at + 1)..<end].contains(46) else { return nil }
        if u[end...].starts(with: "?subject=".utf8) {
            var e = end + 9
            while e < u.count, !(u[e] == 32 || (u[e] >= 9 && u[e] <= 13)) { e += 1 }
            end = e
        }
        let i = s.utf8.index(s.startIndex, offsetBy: start)
        let j = s.utf8.index(s.startIndex, offsetBy: end)
        return i..<j
    }
}

extension Text {
    /// `s` without any occurrence of the ASCII `pattern` (left to right,
    /// not overlapping), by bytes: what `replacingOccurrences(of:with: "")`
    /// gives when each occurrence has ASCII (or nothing) on both sides, so
    /// that no composed character sequence is cut (always so for ASCII
    /// `s`). nil when an occurrence touches a non-ASCII byte.
    static func removingASCII(_ pattern: String, from s: String) -> String? {
        let p = Array(pattern.utf8)
        let u = Array(s.utf8)
        guard !p.isEmpty, u.count >= p.count else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            if i + p.count <= u.count, u[i] == p[0], u[i..<(i + p.count)].elementsEqual(p) {
                if i > 0, u[i - 1] >= 0x80 { return nil }
                if i + p.count < u.count, u[i + p.count] >= 0x80 { return nil }
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
        return emailWalk(s, u, at).range
    }

    /// The byte walk in text that is not all ASCII, when it provably finds
    /// what the Character walk finds: the bytes around the `@`, before the
    /// local part and after the domain are ASCII (a non-ASCII scalar there
    /// could join an ASCII byte into a larger Character: a mark after it,
    /// a prepended sign before it), and no `?subject=` follows. nil when
    /// unsure; `.some(nil)` for a sure "no address".
    static func findEmailAmongASCII(_ s: String) -> Range<String.Index>?? {
        let u = Array(s.utf8)
        guard let at = u.firstIndex(of: 64) else { return .some(nil) }
        func ascii(_ i: Int) -> Bool { i < 0 || i >= u.count || u[i] < 0x80 }
        guard ascii(at - 1), ascii(at + 1) else { return nil }
        let walk = emailWalk(s, u, at)
        guard ascii(walk.start - 1), ascii(walk.stop), !walk.subject else { return nil }
        return .some(walk.range)
    }

    /// The walk itself: `start` of the local part, `stop` where the domain
    /// walk stopped (before dropping dots), whether `?subject=` followed.
    private static func emailWalk(_ s: String, _ u: [UInt8], _ at: Int)
        -> (range: Range<String.Index>?, start: Int, stop: Int, subject: Bool) {
        func isAlnum(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 || (c >= 48 && c <= 57) }
        func localOK(_ c: UInt8) -> Bool { isAlnum(c) || c == 95 || c == 45 || c == 46 || c == 43 }   // _ - . +
        func domOK(_ c: UInt8) -> Bool { isAlnum(c) || c == 45 || c == 46 }                            // - .
        var start = at
        while start > 0, localOK(u[start - 1]) { start -= 1 }
        guard start < at else { return (nil, start, at + 1, false) }
        var end = at + 1
        while end < u.count, domOK(u[end]) { end += 1 }
        let stop = end
        while end > at + 1, u[end - 1] == 46 { end -= 1 }
        guard u[(at + 1)..<end].contains(46) else { return (nil, start, stop, false) }
        let subject = u[end...].starts(with: "?subject=".utf8)
        if subject {
            var e = end + 9
            while e < u.count, !(u[e] == 32 || (u[e] >= 9 && u[e] <= 13)) { e += 1 }
            end = e
        }
        let i = s.utf8.index(s.startIndex, offsetBy: start)
        let j = s.utf8.index(s.startIndex, offsetBy: end)
        return (i..<j, start, stop, subject)
    }
}

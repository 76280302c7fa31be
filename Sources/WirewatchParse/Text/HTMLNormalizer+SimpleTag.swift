extension HTMLNormalizer.Writer {
    /// A start tag the general path would only reorder and close: every
    /// attribute `name="value"` after a single space, with a lower-case
    /// ASCII name given once and a value with nothing to escape (`rel` and
    /// `type` values without capitals), closed by `>`, `/>` or ` />`. The
    /// common `<img src="…" alt="…" width="…" height="…" />` is one.
    /// Written straight from the bytes (attributes sorted, URL attributes
    /// resolved, void elements closed ` />`) and the index after the tag
    /// returned; nil, with nothing written, for any other tag, which then
    /// takes the general path. The general path built a String per name
    /// and value, lower-cased and sorted them.
    mutating func simpleTag(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, nameEnd: Int) -> Int? {
        let n = b.count
        guard nameEnd - (i + 1) <= 8 else { return nil }
        var key: UInt64 = 0
        for k in (i + 1)..<nameEnd {
            let c = b[k]
            guard (c >= 97 && c <= 122) || (c >= 48 && c <= 57) else { return nil }
            key = key << 8 | UInt64(c)
        }
        guard key != TagClass.svg, key != TagClass.math else { return nil }
        let maxAttributes = 16
        return withUnsafeTemporaryAllocation(of: (Int, Int, Int, Int).self, capacity: maxAttributes) { attrs -> Int? in
            var count = 0
            var j = nameEnd
            while true {
                var spaced = false
                while j < n, b[j] == 32 { j += 1; spaced = true }
                guard j < n else { return nil }
                if b[j] == 62 { j += 1; break }
                if b[j] == 47 {
                    guard j + 1 < n, b[j + 1] == 62 else { return nil }
                    j += 2
                    break
                }
                guard spaced, count < maxAttributes else { return nil }
                let ns = j
                while j < n, Self.isLowerNameByte(b[j]) { j += 1 }
                guard j > ns, j + 1 < n, b[j] == 61, b[j + 1] == 34 else { return nil }
                let ne = j
                let vs = j + 2
                guard let e = SWAR.plainQuotedValueEnd(b, from: vs) else { return nil }
                let name = UnsafeBufferPointer(rebasing: b[ns..<ne])
                // The general path lower-cases these values (Unicode-wise).
                if name.elementsEqual("rel".utf8) || name.elementsEqual("type".utf8) {
                    if b[vs..<e].contains(where: { ($0 >= 65 && $0 <= 90) || $0 >= 0x80 }) { return nil }
                }
                for k in 0..<count where UnsafeBufferPointer(rebasing: b[attrs[k].0..<attrs[k].1]).elementsEqual(name) {
                    return nil   // given twice: the general path keeps the last
                }
                attrs[count] = (ns, ne, vs, e)
                count += 1
                j = e + 1
            }
            // Sort by name (byte order is String order for these names).
            if count > 1 {
                for x in 1..<count {
                    let a = attrs[x]
                    var y = x
                    while y > 0, UnsafeBufferPointer(rebasing: b[a.0..<a.1])
                        .lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: b[attrs[y - 1].0..<attrs[y - 1].1])) {
                        attrs[y] = attrs[y - 1]
                        y -= 1
                    }
                    attrs[y] = a
                }
            }
            let wanted = count > 0
                ? HTMLURLAttributes.attributes[String(decoding: UnsafeBufferPointer(rebasing: b[(i + 1)..<nameEnd]), as: UTF8.self)]
                : nil
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<nameEnd]))
            for k in 0..<count {
                let (ns, ne, vs, e) = attrs[k]
                out.append(32)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[ns..<ne]))
                out.append(61)
                out.append(34)
                if let wanted, wanted.contains(String(decoding: UnsafeBufferPointer(rebasing: b[ns..<ne]), as: UTF8.self)) {
                    let v = String(utf8Bytes: UnsafeBufferPointer(rebasing: b[vs..<e]))
                    append(escapeAttr(URLResolver.makeSafeAbsolute(base: base, Text.strip(v)) ?? ""))
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[vs..<e]))
                }
                out.append(34)
            }
            if TagClass.isVoid(key) {
                out.append(32)
                out.append(47)
            }
            out.append(62)
            return j
        }
    }

    @inline(__always) static func isLowerNameByte(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || c == 45 || c == 95 || (c >= 48 && c <= 57)
    }
}

/// Undoing UTF-8 that was read as Latin-1 / Windows-1252 ("EspaÃ±a" →
/// "España"), for documents that declare ISO-8859-1 or Windows-1252 but are
/// UTF-8 (the whole document is valid UTF-8 and has non-ASCII bytes: real
/// Latin-1 prose almost never is). Only the archived model is repaired;
/// feedparser's result keeps the text decoded as declared.
enum Mojibake {
    /// Windows-1252 characters → the byte 0x80…0x9F they came from.
    static let cp1252Bytes: [UInt32: UInt8] = {
        var m: [UInt32: UInt8] = [:]
        for (i, v) in Windows1252.high.enumerated() { if let v { m[v] = UInt8(0x80 + i) } }
        return m
    }()

    /// The byte a character stood for when it was one byte of the document.
    static func byte(_ v: UInt32) -> UInt8? {
        if v >= 0x80 && v <= 0xFF { return UInt8(v) }
        return cp1252Bytes[v]
    }

    /// Every run of characters that spells a UTF-8 sequence byte for byte
    /// (a lead U+00C2…U+00F4 and its continuations) becomes the character
    /// it encodes; everything else is kept (a reference such as `&#8211;`
    /// decoded to "–" stays "–"). ASCII text is returned as it is.
    static func repair(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return s }
        let u = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var changed = false
        while i < u.count {
            let v = u[i].value
            let need = v >= 0xC2 && v <= 0xDF ? 1 : v >= 0xE0 && v <= 0xEF ? 2 : v >= 0xF0 && v <= 0xF4 ? 3 : 0
            if need > 0, i + need < u.count {
                var bytes: [UInt8] = [UInt8(v)]
                for k in 1...need {
                    guard let b = byte(u[i + k].value), b >= 0x80, b <= 0xBF else { break }
                    bytes.append(b)
                }
                if bytes.count == need + 1, let scalar = decodeOne(bytes) {
                    out.append(scalar)
                    i += need + 1
                    changed = true
                    continue
                }
            }
            out.append(u[i])
            i += 1
        }
        return changed ? String(out) : s
    }

    static func decodeOne(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&it), it.next() == nil else { return nil }
        return scalar
    }
}

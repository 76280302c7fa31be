/// Picks the document's character encoding and yields UTF-8 bytes.
///
/// This follows feedparser's `convert_to_utf8` (RFC 3023 plus practice):
/// byte-order mark or UTF-16/32 `<?` pattern first, then the XML
/// declaration and the HTTP `Content-Type` charset weighed by media type;
/// then the candidates are tried in order (RFC 3023 choice, declared,
/// sniffed, utf-8, windows-1252, iso-8859-2). Decoding with anything but the
/// first choice flags the document (`CharacterEncodingOverride`), which is
/// how a feed declared UTF-8 that is really Windows-1252 still parses.
struct EncodingDetector {
    struct Result {
        /// Transcoded bytes, or nil when the input (from `offset`) is already the UTF-8 to parse.
        var utf8: [UInt8]?
        var offset: Int
        var encoding: String
        var isJSON: Bool
        var issue: EncodingIssue?
        /// Decoded as Latin-1 / Windows-1252, as declared, though the bytes are
        /// UTF-8 with non-ASCII characters: the model repairs its text.
        var looksMisdeclaredUTF8 = false
    }

    struct EncodingIssue {
        var kind: ProblemKind
        var message: String
    }

    static func detect(_ data: [UInt8], headers: [String: String], hasHTTP: Bool) -> Result {
        var bom = ""
        var skip = 0
        let h = Array(data.prefix(4)) + [UInt8](repeating: 0xAA, count: max(0, 4 - data.count))
        if h == [0, 0, 0xFE, 0xFF] { bom = "utf-32be"; skip = 4 }
        else if h == [0xFF, 0xFE, 0, 0] { bom = "utf-32le"; skip = 4 }
        else if h[0] == 0xFE, h[1] == 0xFF, !(h[2] == 0 && h[3] == 0) { bom = "utf-16be"; skip = 2 }
        else if h[0] == 0xFF, h[1] == 0xFE, !(h[2] == 0 && h[3] == 0) { bom = "utf-16le"; skip = 2 }
        else if h[0] == 0xEF, h[1] == 0xBB, h[2] == 0xBF { bom = "utf-8"; skip = 3 }
        else if h == [0x4C, 0x6F, 0xA7, 0x94] { bom = "cp037" }
        else if h == [0, 0x3C, 0, 0x3F] { bom = "utf-16be" }
        else if h == [0x3C, 0, 0x3F, 0] { bom = "utf-16le" }
        else if h == [0, 0, 0, 0x3C] { bom = "utf-32be" }
        else if h == [0x3C, 0, 0, 0] { bom = "utf-32le" }
        let body = data[skip...]

        // The XML declaration, read from an ASCII-compatible rendition of the start.
        var xmlEncoding = ""
        let head: [UInt8]
        if !bom.isEmpty, bom != "utf-8" {
            head = Transcoder.decode(body.prefix(1024 - (1024 % 4)), bom) ?? []
        } else {
            head = Array(body.prefix(1024))
        }
        // Blank lines before the declaration (a PHP file's trailing newline) do
        // not hide it: libxml2 only complains, and a Shift_JIS feed whose
        // declaration went unseen would be decoded as ISO-8859-2.
        let blanks = head.prefix { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }.count
        if let e = declaredEncoding(Array(head[blanks...])) {
            xmlEncoding = e.lowercased()
            let unicodeNames: Set<String> = ["u16", "utf-16", "utf16", "utf_16", "u32", "utf-32", "utf32", "utf_32",
                                             "iso-10646-ucs-2", "iso-10646-ucs-4", "csucs4", "csunicode", "ucs-2", "ucs-4"]
            if !bom.isEmpty, unicodeNames.contains(xmlEncoding) { xmlEncoding = bom }
        }

        var contentTypeHeader: String?
        for (k, v) in headers where k.lowercased() == "content-type" { contentTypeHeader = v }
        let ct = ContentType(contentTypeHeader ?? "")
        var mediaType = ct.mediaType
        let httpEncoding = ct.charset
        var acceptable = false
        var isJSON = false
        var rfc3023: String
        let firstNonSpace = body.first { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }
        if ["application/xml", "application/xml-dtd", "application/xml-external-parsed-entity"].contains(mediaType)
            || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+xml")) {
            acceptable = true
            rfc3023 = !httpEncoding.isEmpty ? httpEncoding : (!xmlEncoding.isEmpty ? xmlEncoding : "utf-8")
        } else if ["text/xml", "text/xml-external-parsed-entity"].contains(mediaType)
            || (mediaType.hasPrefix("text/") && mediaType.hasSuffix("+xml")) {
            acceptable = true
            rfc3023 = !httpEncoding.isEmpty ? httpEncoding : "us-ascii"
        } else if ["application/feed+json", "application/json"].contains(mediaType)
            || (mediaType.isEmpty && firstNonSpace == UInt8(ascii: "{")) {
            mediaType = "application/feed+json"
            acceptable = true
            isJSON = true
            rfc3023 = !httpEncoding.isEmpty ? httpEncoding : "utf-8"
        } else if mediaType.hasPrefix("text/") {
            rfc3023 = !httpEncoding.isEmpty ? httpEncoding : "us-ascii"
        } else if hasHTTP, contentTypeHeader == nil {
            rfc3023 = !xmlEncoding.isEmpty ? xmlEncoding : "iso-8859-1"
        } else {
            rfc3023 = !xmlEncoding.isEmpty ? xmlEncoding : "utf-8"
        }
        if rfc3023 == "gb2312" { rfc3023 = "gb18030" }
        if xmlEncoding == "gb2312" { xmlEncoding = "gb18030" }

        var issue: EncodingIssue?
        if hasHTTP, !acceptable {
            let msg = contentTypeHeader.map { "\($0) is not an XML media type" } ?? "no Content-type specified"
            issue = EncodingIssue(kind: .nonXMLContentType, message: msg)
        }

        // A server's default charset (Apache's AddDefaultCharset ISO-8859-1, some
        // CDNs) says Latin-1 for a document that is UTF-8: Latin-1 decodes any bytes,
        // so RFC 3023 alone turned every "é" into "Ã©". Text whose non-ASCII bytes
        // all form valid UTF-8 sequences is UTF-8 (Latin-1 prose almost never
        // does), unless it declares another encoding itself.
        var candidates = [rfc3023, xmlEncoding, bom, "utf-8", "windows-1252", "iso-8859-2"]
        if Self.serverDefaultCharsets.contains(rfc3023), rfc3023 == httpEncoding,
            xmlEncoding.isEmpty || xmlEncoding == "utf-8" || xmlEncoding == "utf8",
            bom.isEmpty || bom == "utf-8",
            body.contains(where: { $0 >= 0x80 }), Transcoder.validUTF8(body)
        {
            candidates.insert("utf-8", at: 0)
        }
        var tried: [String] = []
        for proposed in candidates {
            guard !proposed.isEmpty, !tried.contains(proposed) else { continue }
            tried.append(proposed)
            let isUTF8 = { if case .utf8 = Transcoder.kind(proposed) { return true }; return false }()
            if isUTF8 {
                guard Transcoder.validUTF8(body) else { continue }
            } else if Transcoder.kind(proposed) == nil {
                continue
            }
            var out: [UInt8]? = nil
            if !isUTF8 {
                guard let d = Transcoder.decode(body, proposed) else { continue }
                out = d
            }
            if proposed != rfc3023 {
                issue = EncodingIssue(kind: .encodingOverride,
                                      message: "document declared as \(rfc3023), but parsed as \(proposed)")
            }
            var result = Result(utf8: out, offset: skip, encoding: proposed, isJSON: isJSON, issue: issue)
            switch Transcoder.kind(proposed) {
            case .latin1, .cp1252:
                result.looksMisdeclaredUTF8 = body.contains(where: { $0 >= 0x80 }) && Transcoder.validUTF8(body)
            default: break
            }
            return result
        }
        // Nothing decoded: keep the bytes, replacing invalid sequences, and say so.
        let repaired = Array(String(decoding: body, as: UTF8.self).utf8)
        return Result(utf8: repaired, offset: skip, encoding: "", isJSON: isJSON,
                      issue: EncodingIssue(kind: .encodingUnknown,
                                           message: "document encoding unknown, I tried \(rfc3023), \(xmlEncoding), utf-8, windows-1252, and iso-8859-2 but nothing worked"))
    }

    /// Charsets servers announce by default whatever the document is.
    static let serverDefaultCharsets: Set<String> = ["iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"]

    /// `^<\?.*encoding=['"](.*?)['"].*\?>` on the first line.
    static func declaredEncoding(_ b: [UInt8]) -> String? {
        guard b.count > 5, b[0] == UInt8(ascii: "<"), b[1] == UInt8(ascii: "?") else { return nil }
        let lineEnd = b.firstIndex(of: 10) ?? b.count
        let line = b[0..<lineEnd]
        let key = Array("encoding=".utf8)
        guard let r = line.firstRange(of: key) else { return nil }
        var i = r.upperBound
        guard i < lineEnd, b[i] == 34 || b[i] == 39 else { return nil }
        i += 1
        let s = i
        while i < lineEnd, b[i] != 34, b[i] != 39 { i += 1 }
        guard i < lineEnd else { return nil }
        guard line[(i + 1)...].firstRange(of: Array("?>".utf8)) != nil else { return nil }
        return String(decoding: b[s..<i], as: UTF8.self)
    }
}

/// A parsed HTTP `Content-Type`: media type and charset, lower-cased
/// (feedparser's `parse_content_type`).
struct ContentType {
    var mediaType: String
    var charset: String

    init(_ header: String) {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        mediaType = Text.strip(String(parts.first ?? "")).lowercased()
        charset = ""
        for p in parts.dropFirst() {
            let kv = p.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, Text.strip(String(kv[0])).lowercased() == "charset" else { continue }
            var v = Text.strip(String(kv[1]))
            v = v.trimmingQuotes()
            charset = v.lowercased()
        }
    }
}

extension String {
    func trimmingQuotes() -> String {
        var s = Substring(self)
        while let f = s.first, f == "\"" || f == "'" { s = s.dropFirst() }
        while let l = s.last, l == "\"" || l == "'" { s = s.dropLast() }
        return String(s)
    }
}

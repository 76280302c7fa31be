/// A web page served where a feed was expected: a bot check (Cloudflare's "Just a
/// moment..."), a login wall, a paywall, or a site that moved its feed. Such pages are
/// rarely well-formed XML, so without this the poll would fail with whatever libxml2
/// said about the first unclosed `<meta>`.
struct WebPage {
    /// The page's `<title>`, whitespace collapsed, control characters removed, at most
    /// 80 characters; nil if it has none.
    let title: String?

    /// Reads `body` as a web page if it starts, after a BOM, whitespace, an XML
    /// declaration and comments, with an HTML doctype or an `<html>` element.
    init?(_ body: [UInt8]) {
        let head = body.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        var index = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < head.count {
            let rest = head[index...]
            if rest.first == 0x3C {
                if rest.starts(with: Array("<?".utf8)) || rest.starts(with: Array("<!--".utf8)) {
                    let close: [UInt8] = rest.starts(with: Array("<?".utf8)) ? Array("?>".utf8) : Array("-->".utf8)
                    guard let end = Self.find(close, in: head, from: index + 2) else { return nil }
                    index = end + close.count
                    continue
                }
                guard rest.starts(with: Array("<!doctype html".utf8)) || rest.starts(with: Array("<html".utf8)) else {
                    return nil
                }
                title = Self.title(in: body)
                return
            }
            guard rest.first == 0x20 || rest.first == 0x0A || rest.first == 0x0D || rest.first == 0x09 else { return nil }
            index += 1
        }
        return nil
    }

    /// Why the poll failed, for status and the log.
    var reason: String {
        let titled = title.map { " (“\($0)”)" } ?? ""
        return "an HTML page, not a feed\(titled): a bot check, a login wall or a moved feed?"
    }

    private static func title(in body: [UInt8]) -> String? {
        let window = Array(body.prefix(65_536))
        let lowered = window.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        guard let open = find(Array("<title".utf8), in: lowered, from: 0),
              let start = lowered[open...].firstIndex(of: 0x3E),
              let end = find(Array("</title".utf8), in: lowered, from: start + 1)
        else { return nil }
        let text = String(decoding: window[(start + 1)..<end], as: UTF8.self)
        let words = text.unicodeScalars
            .map { $0.properties.generalCategory == .control ? " " : Character($0) }
            .split(whereSeparator: \.isWhitespace)
            .map { String($0) }
        let joined = words.joined(separator: " ")
        guard !joined.isEmpty else { return nil }
        return joined.count > 80 ? String(joined.prefix(79)) + "…" : joined
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}

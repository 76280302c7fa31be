extension CanonicalLink {
    /// The article behind a redirector link that names it in a query parameter:
    /// Google Alerts feeds link every entry through
    /// `https://www.google.com/url?rct=j&sa=t&url=ARTICLE&ct=ga&usg=…`, and
    /// links shared from Facebook go through `l.facebook.com/l.php?u=ARTICLE`.
    /// Without this, an alert feed's entry and the outlet's own item for the same
    /// article had different links, and only text similarity (on a 30-word
    /// snippet) could join them. Opaque redirectors (news.google.com, t.co)
    /// cannot be read without fetching them and are left as they are.
    static func redirectTarget(authority: String, path: Substring, query: Substring) -> String? {
        let names: [Substring]
        switch authority {
        case "www.google.com", "google.com":
            guard path == "/url" else { return nil }
            names = ["url", "q"]
        case "l.facebook.com", "lm.facebook.com":
            guard path == "/l.php" else { return nil }
            names = ["u"]
        default:
            return nil
        }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, names.contains(parts[0]) else { continue }
            let target = percentDecoded(parts[1])
            if target.hasPrefix("https://") || target.hasPrefix("http://") { return target }
        }
        return nil
    }

    /// `%XX` escapes decoded; anything else (a lone `%`, invalid UTF-8) kept or repaired.
    static func percentDecoded(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next() else { bytes.append(byte); break }
            guard let low = iterator.next() else { bytes.append(contentsOf: [byte, high]); break }
            if let h = hexValue(high), let l = hexValue(low) {
                bytes.append(h << 4 | l)
            } else {
                bytes.append(contentsOf: [byte, high, low])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

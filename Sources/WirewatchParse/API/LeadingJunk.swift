/// Text some servers print before the document (a PHP warning, a debug
/// line): libxml2 then sees no document at all. When the first thing after
/// an optional UTF-8 byte-order mark and whitespace is not markup (nor
/// JSON), and an XML declaration or a feed's root element starts within the
/// first 4 KiB, the document is read from there, as feedparser's fallback
/// parser does; the feed is flagged.
enum LeadingJunk {
    static let window = 4096
    static let starts: [[UInt8]] = ["<?xml", "<rss", "<feed", "<rdf:RDF", "<RDF"].map { Array($0.utf8) }

    /// Where the document really starts, or nil when it starts where it should.
    static func documentStart(_ b: [UInt8]) -> Int? {
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < b.count, b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1 }
        // Markup, JSON, nothing at all, or UTF-16/32 (a NUL or a BOM byte up front): nothing to skip.
        guard i < b.count, b[i] != 60, b[i] != 123, b[i] != 91, b[i] != 0, b[i] != 0xFE, b[i] != 0xFF else { return nil }
        let end = min(b.count, i + window)
        var j = i
        while j < end {
            if b[j] == 60, starts.contains(where: { s in j + s.count <= b.count && b[j..<(j + s.count)].elementsEqual(s) }) {
                return j
            }
            j += 1
        }
        return nil
    }
}

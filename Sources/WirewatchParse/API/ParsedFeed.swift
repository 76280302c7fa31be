import WirewatchCore

/// The outcome of one parse. Always produced, even for broken input.
public struct ParsedFeed: Sendable {
    /// feedparser's version code: rss20, rss10, atom10, atom03, rss091u, json11, "" …
    public var version: String
    /// The encoding actually used to decode the bytes.
    public var encoding: String
    /// feedparser's `bozo`: the document was not well-formed, was decoded with
    /// another encoding than declared, was served as a non-XML type, …
    public var isMalformed: Bool
    /// One line, with the line number when known.
    public var problem: String?
    public var feed: FeedInfo
    /// Document order.
    public var items: [Item]
    /// Where the feedparser result comes from when asked for: the kept tree
    /// (`ParseOptions.buildsFeedparserResult`) or a second, full parse of
    /// the same bytes. The daemon never asks for it.
    let tree: ResultTree
    /// The document declared Latin-1 / Windows-1252 but is UTF-8: `feed` and
    /// `items` undo the mojibake, `result` (feedparser's) keeps it.
    var looksMisdeclaredUTF8 = false

    /// The full feedparser-shaped result (SCHEMA.md); `feed` and `items`
    /// agree with it field for field. Built on each call (see `tree`).
    public var result: JSONValue { tree.json }

    /// Exactly one JSON object in the shape of SCHEMA.md.
    public func feedparserJSON() -> String {
        var out = ""
        out.reserveCapacity(4096)
        JSONWriter.write(result, into: &out)
        return out
    }
}

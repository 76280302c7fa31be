/// Limits that keep a hostile document from costing more than it should.
public struct ParseOptions: Sendable {
    /// Bytes beyond this are not read; the feed is flagged as malformed.
    public var maxDocumentBytes: Int = 32 << 20
    /// Elements nested deeper than this stop the parse; the feed is flagged.
    public var maxDepth: Int = 256
    /// Keep the feedparser-shaped tree built during the parse, so `result`
    /// and `feedparserJSON()` need no second pass (the conformance CLI sets
    /// it). Off by default: the daemon only reads `items` / `feed`, and each
    /// entry's tree is then dropped as soon as its `Item` is made. Either
    /// way `result` and `feedparserJSON()` give the same answer; without
    /// the tree they parse the same bytes again to build it.
    public var buildsFeedparserResult = false

    public init() {}
}

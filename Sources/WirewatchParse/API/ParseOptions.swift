/// Limits that keep a hostile document from costing more than it should.
public struct ParseOptions: Sendable {
    /// Bytes beyond this are not read; the feed is flagged as malformed.
    public var maxDocumentBytes: Int = 32 << 20
    /// Elements nested deeper than this stop the parse; the feed is flagged.
    public var maxDepth: Int = 256

    public init() {}
}

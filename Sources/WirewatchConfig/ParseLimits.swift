/// The `[parse]` table: how much of a feed document Wirewatch reads.
///
/// A feed is a few hundred kilobytes; a document far larger is a mistake or an
/// attack (a gzip bomb, an endless response, a billion nested elements), and
/// reading it would cost the daemon memory that other feeds need.
public struct ParseLimits: Sendable, Equatable {
    /// `max_size`: the largest document, after decompression. A larger HTTP
    /// response or file is refused (the poll fails with "larger than …").
    public var maxSize: Int = ParseLimits.defaultMaxSize
    /// `max_depth`: elements nested deeper than this end the parse; the items
    /// read so far are kept and the feed is flagged as malformed.
    public var maxDepth: Int = ParseLimits.defaultMaxDepth

    public static let defaultMaxSize = 32 << 20
    public static let defaultMaxDepth = 256
    /// Below this even ordinary feeds would be cut off.
    public static let sizeRange = (64 << 10)...(1 << 30)
    /// libxml2 stops at 256 levels itself (its limit without XML_PARSE_HUGE,
    /// which is never set), so a larger value would promise nothing more.
    public static let depthRange = 8...256

    public init(maxSize: Int = ParseLimits.defaultMaxSize, maxDepth: Int = ParseLimits.defaultMaxDepth) {
        self.maxSize = maxSize
        self.maxDepth = maxDepth
    }
}

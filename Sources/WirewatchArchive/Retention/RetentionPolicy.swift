/// How long items are kept: by age, by count, or both (whichever removes more).
/// Items that raised an alert or are pinned are always kept.
public struct RetentionPolicy: Sendable, Hashable {
    /// Seconds since the archive first saw an item.
    public var maxAge: Double?
    /// Newest items kept per feed.
    public var maxItems: Int?

    public init(maxAge: Double? = nil, maxItems: Int? = nil) {
        self.maxAge = maxAge
        self.maxItems = maxItems
    }

    public static let keepEverything = RetentionPolicy()

    public var keepsEverything: Bool { maxAge == nil && maxItems == nil }
}

/// How long archived items are kept: `keep = { max_age = "180d", max_items = 20000 }`,
/// in `[archive]` for every feed and in a `[[feed]]` for that feed. Either limit or
/// both; items that raised an alert or are pinned are always kept.
public struct KeepPolicy: Sendable, Equatable {
    public var maxAge: Duration?
    public var maxItems: Int?

    public init(maxAge: Duration? = nil, maxItems: Int? = nil) {
        self.maxAge = maxAge
        self.maxItems = maxItems
    }

    /// Keep everything (the default).
    public static let forever = KeepPolicy()
}

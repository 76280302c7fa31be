import Foundation

/// A rule matched a new item (or, for a digest or a feed-health rule, what
/// stands in for items): what `run` prints, the archive stores and `tail` shows.
public struct Alert: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A new (or edited) item matched the rule.
        case item
        /// The alerts a throttled rule held back in the last hour, in one.
        case digest
        /// A feed started failing, was gone (410) or moved for good, or recovered.
        case feedHealth = "feed-health"
    }

    /// The archive's id for this alert (stable; 0 before it is stored).
    public var id: Int64
    public var time: Date
    public var rule: String
    public var feed: String
    public var title: String
    public var link: String?
    /// The archive's id of the item that raised it; 0 for digests and feed-health alerts.
    public var itemID: Int64
    /// The story the item belongs to.
    public var storyID: Int64?
    /// How many items (outlets) of the story this alert stands for: later copies
    /// of the story attach to the first alert instead of raising new ones.
    public var sources: Int
    public var kind: Kind = .item
    /// More lines: a digest's alerts (title and link each), a feed's last error.
    public var detail: String?

    public init(
        id: Int64 = 0, time: Date, rule: String, feed: String, title: String, link: String?, itemID: Int64,
        storyID: Int64? = nil, sources: Int = 1, kind: Kind = .item, detail: String? = nil
    ) {
        self.kind = kind
        self.detail = detail
        self.id = id
        self.time = time
        self.rule = rule
        self.feed = feed
        self.title = title
        self.link = link
        self.itemID = itemID
        self.storyID = storyID
        self.sources = sources
    }
}

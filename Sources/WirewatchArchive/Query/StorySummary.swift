import Foundation

/// A story: one event as covered by one or more items, possibly across outlets.
public struct StorySummary: Sendable, Hashable {
    public var id: Int64
    /// The title of the first item that started the story.
    public var title: String
    public var firstSeen: Date
    public var lastSeen: Date
    public var itemCount: Int
    public var feedCount: Int
    /// Who carried it, first first.
    public var sources: [Source]

    public struct Source: Sendable, Hashable {
        public var feed: String
        public var firstSeen: Date
        public var count: Int
    }
}

/// One item with everything the archive knows about it: `wirewatch show`.
public struct ItemDetail: Sendable {
    public var item: ArchivedItem
    /// Earlier texts of the item, oldest first (the current one is `item`).
    public var revisions: [Revision]
    public var story: StorySummary?
    /// The other items of the story.
    public var storyItems: [ArchivedItem]

    public struct Revision: Sendable, Hashable {
        public var revision: Int
        public var title: String
        public var text: String
        public var seenUntil: Date
    }
}

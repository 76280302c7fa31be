import Foundation

/// An item as the archive holds it, for search results, `show` and rule tuning.
public struct ArchivedItem: Sendable, Hashable {
    public var id: Int64
    public var feed: String
    public var title: String
    public var link: String?
    public var author: String?
    public var guid: String?
    /// Plain text of the body (content, else summary).
    public var text: String
    public var summary: String?
    public var content: String?
    public var language: String?
    public var published: Date?
    /// Last update the feed gave (RSS 1.0's dc:date lands here).
    public var updated: Date?
    public var firstSeen: Date
    public var storyID: Int64?
    /// 1 for an item never edited; one more per stored edit.
    public var revision: Int
    public var tags: [String]
    public var categories: [String]
    /// The outlets (feed names) carrying the item's story, first first: filled
    /// when a search asks for them (`SearchRequest.includesStoryFeeds`).
    public var storyFeeds: [String] = []

    /// Publication time, else the feed's update time, else when the archive first saw the item.
    public var date: Date { published ?? updated ?? firstSeen }
}

/// One search result.
public struct SearchHit: Sendable {
    public var item: ArchivedItem
    /// Text around the matches; matched terms are wrapped in `SearchHit.markStart`/`markEnd`.
    public var snippet: String
    /// BM25 relevance (lower is better, as SQLite reports it); nil without an index match.
    public var score: Double?

    public static let markStart: Character = "\u{2}"
    public static let markEnd: Character = "\u{3}"
}

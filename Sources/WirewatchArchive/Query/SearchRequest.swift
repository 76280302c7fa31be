import Foundation
import WirewatchCore

/// A search over the archive: an index condition, filters, and an exact check.
public struct SearchRequest: Sendable {
    /// What the text index must find (looser than or equal to the real query).
    public var condition: TextCondition
    /// Only items of these feeds (names); empty = all.
    public var feeds: [String] = []
    /// Only items with every one of these tags.
    public var tags: [String] = []
    /// Published (or first seen) at or after.
    public var since: Date?
    /// Published (or first seen) at or before.
    public var until: Date?
    /// Most relevant first (BM25) instead of newest first.
    public var ranked = false
    public var limit = 20
    /// The exact check each candidate must pass (the query itself); nil = none.
    public var filter: (@Sendable (ArchivedItem) -> Bool)?
    /// Fill each candidate's `storyFeeds` before the filter reads it (story rules).
    public var includesStoryFeeds = false

    public init(condition: TextCondition) {
        self.condition = condition
    }
}

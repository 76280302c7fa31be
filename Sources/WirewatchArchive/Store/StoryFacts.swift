/// What a story rule reads of the story a new item has just joined: the
/// outlets (feed names) that carry it, the item's own included.
public struct StoryFacts: Sendable, Hashable {
    public var storyID: Int64
    /// Distinct feed names, in the order they first carried the story.
    public var feeds: [String]

    public init(storyID: Int64, feeds: [String]) {
        self.storyID = storyID
        self.feeds = feeds
    }

    /// How many distinct outlets carry the story (`sources>=n`).
    public var sources: Int { feeds.count }
}

/// Story rules, evaluated inside the ingest transaction once a new item has
/// joined its story (only then are the story's outlets known): the names of
/// the rules the item, read with its story, satisfies. The archive keeps
/// rule evaluation out of its own code; the pipeline supplies it.
public typealias StoryRuleEvaluator = @Sendable (_ entry: IngestItem, _ story: StoryFacts) -> [String]

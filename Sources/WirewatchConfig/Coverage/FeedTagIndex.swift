/// Each configured feed's tags, by feed name: what `covered:TAG` and the
/// coverage line of `wirewatch stories` read about a story's outlets.
public struct FeedTagIndex: Sendable {
    /// The config's feed tags, in the order they first appear.
    public let tags: [String]
    private let tagsByFeed: [String: [String]]

    public init(_ config: Config) {
        var tags: [String] = []
        for feed in config.feeds { for tag in feed.tags where !tags.contains(tag) { tags.append(tag) } }
        self.tags = tags
        tagsByFeed = Dictionary(config.feeds.map { ($0.name, $0.tags) }, uniquingKeysWith: { first, _ in first })
    }

    public func tags(of feed: String) -> [String] { tagsByFeed[feed] ?? [] }

    /// The distinct tags of the feeds carrying a story, first outlet first.
    public func coveredTags(_ feeds: [String]) -> [String] {
        var covered: [String] = []
        for feed in feeds { for tag in tags(of: feed) where !covered.contains(tag) { covered.append(tag) } }
        return covered
    }
}

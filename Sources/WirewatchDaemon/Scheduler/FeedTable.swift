import WirewatchConfig

/// The enabled feeds of a config by name, for the polling loop. It shares the
/// config's array and indexes it, where a `[String: FeedConfig]` copied every
/// feed's settings: 3.3 MB at 10,000 feeds, held for the daemon's life.
struct FeedTable {
    private let feeds: [FeedConfig]
    private let index: [String: Int]

    init(_ feeds: [FeedConfig]) {
        self.feeds = feeds
        var index: [String: Int] = [:]
        index.reserveCapacity(feeds.count)
        for (position, feed) in feeds.enumerated() where feed.enabled && index[feed.name] == nil {
            index[feed.name] = position
        }
        self.index = index
    }

    subscript(name: String) -> FeedConfig? { index[name].map { feeds[$0] } }

    var count: Int { index.count }
    var names: Dictionary<String, Int>.Keys { index.keys }
}

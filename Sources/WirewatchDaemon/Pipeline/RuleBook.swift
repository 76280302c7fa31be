import WirewatchConfig
import WirewatchCore
import WirewatchRules

/// The config's tag and alert rules, compiled once per config load, and how an
/// item is read by them: tag rules first (they see the feed's tags), then alert
/// rules (they see every tag, so `tag:ice AND Minneapolis` works).
public struct RuleBook: Sendable {
    let tagRules: RuleSet
    let alertRules: RuleSet

    public init(config: Config) {
        tagRules = RuleSet(config.tagRules.map { RuleSet.Rule(name: $0.name, query: $0.query) })
        alertRules = RuleSet(config.alertRules.map { RuleSet.Rule(name: $0.name, query: $0.query) })
    }

    /// The tags of an item (feed tags, then matching tag rules) and the alert rules it matches.
    public func evaluate(_ item: Item, feed: FeedConfig) -> (tags: [String], alerts: [String]) {
        var document = RuleDocument(
            title: item.title,
            summary: item.summaryText,
            content: item.contentText,
            author: item.author ?? "",
            feed: feed.name,
            link: item.link ?? "",
            language: item.language ?? "",
            tags: feed.tags,
            categories: item.categories
        )
        var tags = feed.tags
        for name in tagRules.matches(document) where !tags.contains(name) { tags.append(name) }
        document.tags = tags
        return (tags, alertRules.matches(document))
    }
}

import WirewatchConfig
import WirewatchCore
import WirewatchRules

/// The config's tag and alert rules, compiled once per config load, and how an
/// item is read by them: tag rules first (they see the feed's tags), then alert
/// rules (they see every tag, so `tag:ice AND Minneapolis` works).
public struct RuleBook: Sendable {
    let tagRules: RuleSet
    let alertRules: RuleSet
    /// Alert rules with `on_update = true`.
    let onUpdate: Set<String>
    /// Alert rules with `each_source = true`.
    let eachSource: [String]

    public init(config: Config) {
        tagRules = RuleSet(config.tagRules.map { RuleSet.Rule(name: $0.name, query: $0.query) })
        alertRules = RuleSet(config.alertRules.map { RuleSet.Rule(name: $0.name, query: $0.query) })
        onUpdate = Set(config.alertRules.filter(\.onUpdate).map(\.name))
        eachSource = config.alertRules.filter(\.eachSource).map(\.name)
    }

    /// The tags of an item (feed tags, then matching tag rules), the alert rules it
    /// matches, and those of them that also alert on edits.
    public func evaluate(_ item: Item, feed: FeedConfig) -> (tags: [String], alerts: [String], onUpdate: [String]) {
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
        let alerts = alertRules.matches(document)
        return (tags, alerts, alerts.filter(onUpdate.contains))
    }
}

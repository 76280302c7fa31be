import Foundation
import WirewatchArchive
import WirewatchConfig
import WirewatchCore
import WirewatchRules

/// The config's tag and alert rules, compiled once per config load, and how an
/// item is read by them: tag rules first (they see the feed's tags), then alert
/// rules (they see every tag, so `tag:ice AND Minneapolis` works). Story rules
/// (`scope = "story"`) are read later, inside the archive's transaction, once
/// the item has joined its story.
public struct RuleBook: Sendable {
    let tagRules: RuleSet
    let alertRules: RuleSet
    let storyRules: RuleSet
    /// Alert rules with `on_update = true`.
    let onUpdate: Set<String>
    /// Alert rules with `each_source = true`.
    let eachSource: [String]
    /// Each feed's tags from the config: what `covered:` compares.
    let feedTags: FeedTagIndex
    /// Alert rules with a `throttle` (alerts an hour).
    let throttles: [String: Int]
    /// Alert rules with a `max_age`: items dated before now minus it do not alert.
    let maxAges: [String: Duration]

    public init(config: Config) {
        let itemRules = config.alertRules.filter { $0.event == .items && $0.scope == .item }
        let storyRules = config.alertRules.filter { $0.event == .items && $0.scope == .story }
        tagRules = RuleSet(config.tagRules.map { RuleSet.Rule(name: $0.name, query: $0.query) })
        alertRules = RuleSet(itemRules.map { RuleSet.Rule(name: $0.name, query: $0.query) })
        self.storyRules = RuleSet(storyRules.map { RuleSet.Rule(name: $0.name, query: $0.query) })
        onUpdate = Set(itemRules.filter(\.onUpdate).map(\.name))
        eachSource = itemRules.filter(\.eachSource).map(\.name)
        var throttles: [String: Int] = [:]
        for rule in config.alertRules { if let limit = rule.throttle { throttles[rule.name] = limit } }
        self.throttles = throttles
        var maxAges: [String: Duration] = [:]
        for rule in config.alertRules { if let age = rule.maxAge { maxAges[rule.name] = age } }
        self.maxAges = maxAges
        feedTags = FeedTagIndex(config)
    }

    /// The tags of an item (feed tags, then matching tag rules), the alert rules it
    /// matches, and those of them that also alert on edits.
    public func evaluate(
        _ item: Item, feed: FeedConfig, now: Date = Date()
    ) -> (tags: [String], alerts: [String], onUpdate: [String]) {
        var document = Self.document(item, feed: feed.name, tags: feed.tags)
        var tags = feed.tags
        for name in tagRules.matches(document) where !tags.contains(name) { tags.append(name) }
        document.tags = tags
        let alerts = withinMaxAge(alertRules.matches(document), item, now: now)
        return (tags, alerts, alerts.filter(onUpdate.contains))
    }

    /// `names` without the rules whose `max_age` the item's date is past.
    func withinMaxAge(_ names: [String], _ item: Item, now: Date) -> [String] {
        guard !maxAges.isEmpty, let dated = item.published ?? item.updated else { return names }
        let age = now.timeIntervalSince(dated)
        return names.filter { name in
            guard let limit = maxAges[name] else { return true }
            return age <= Double(limit.components.seconds)
        }
    }

    /// The story rules of one feed's items, for the archive to call once each
    /// new item has joined its story; nil when the config has none.
    public func storyEvaluator(feed: String) -> StoryRuleEvaluator? {
        guard !storyRules.rules.isEmpty else { return nil }
        let rules = storyRules
        let feedTags = feedTags
        return { entry, story in
            var document = Self.document(entry.item, feed: feed, tags: entry.tags)
            document.storySources = story.sources
            document.coveredTags = feedTags.coveredTags(story.feeds)
            return self.withinMaxAge(rules.matches(document), entry.item, now: Date())
        }
    }

    static func document(_ item: Item, feed: String, tags: [String]) -> RuleDocument {
        RuleDocument(
            title: item.title,
            summary: item.summaryText,
            content: item.contentText,
            author: item.author ?? "",
            feed: feed,
            link: item.link ?? "",
            language: item.language ?? "",
            tags: tags,
            categories: item.categories
        )
    }
}

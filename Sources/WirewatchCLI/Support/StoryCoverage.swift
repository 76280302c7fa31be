import WirewatchArchive
import WirewatchConfig
import WirewatchNotify
import WirewatchRules

/// A story's coverage by feed tag: how many of its outlets carry each tag of
/// the config, every tag listed, zeros included ("left 3 · right 1 · local 0").
struct StoryCoverage {
    /// The config's feed tags, in the order they first appear.
    let tags: [String]
    let tagsByFeed: [String: [String]]

    init(config: Config) {
        var tags: [String] = []
        for feed in config.feeds { for tag in feed.tags where !tags.contains(tag) { tags.append(tag) } }
        self.tags = tags
        tagsByFeed = Dictionary(config.feeds.map { ($0.name, $0.tags) }, uniquingKeysWith: { first, _ in first })
    }

    func counts(_ story: StorySummary) -> [(tag: String, feeds: Int)] {
        tags.map { tag in
            (tag, story.sources.filter { tagsByFeed[$0.feed]?.contains(tag) == true }.count)
        }
    }

    /// The config tags of the feeds carrying a story: what `covered:` compares.
    func coveredTags(_ feeds: [String]) -> [String] {
        var covered: [String] = []
        for feed in feeds { for tag in tagsByFeed[feed] ?? [] where !covered.contains(tag) { covered.append(tag) } }
        return covered
    }

    /// An archived item as a story rule reads it.
    func document(_ item: ArchivedItem, storyFeeds: [String]) -> RuleDocument {
        var document = item.ruleDocument
        document.storySources = storyFeeds.count
        document.coveredTags = coveredTags(storyFeeds)
        return document
    }

    static func line(_ counts: [(tag: String, feeds: Int)]) -> String {
        counts.map { TerminalText.sanitize($0.tag) + " \($0.feeds)" }.joined(separator: " · ")
    }
}

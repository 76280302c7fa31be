import WirewatchArchive
import WirewatchConfig
import WirewatchNotify
import WirewatchRules

/// A story's coverage by feed tag: how many of its outlets carry each tag of
/// the config, every tag listed, zeros included ("left 3 · right 1 · local 0").
struct StoryCoverage {
    let index: FeedTagIndex

    init(config: Config) {
        index = FeedTagIndex(config)
    }

    func counts(_ story: StorySummary) -> [(tag: String, feeds: Int)] {
        index.tags.map { tag in
            (tag, story.sources.filter { index.tags(of: $0.feed).contains(tag) }.count)
        }
    }

    /// An archived item as a story rule reads it.
    func document(_ item: ArchivedItem, storyFeeds: [String]) -> RuleDocument {
        var document = item.ruleDocument
        document.storySources = storyFeeds.count
        document.coveredTags = index.coveredTags(storyFeeds)
        return document
    }

    static func line(_ counts: [(tag: String, feeds: Int)]) -> String {
        counts.map { TerminalText.sanitize($0.tag) + " \($0.feeds)" }.joined(separator: " · ")
    }
}

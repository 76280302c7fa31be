import WirewatchConfig
import WirewatchCore
import WirewatchParse

/// What `wirewatch import-opml` will do with the feeds of an OPML file, decided before the
/// config is touched: which feeds become `[[feed]]` tables (with a name and tags), which
/// are already in the config, and which cannot be used.
public struct OPMLImportPlan: Sendable {
    /// To append, in the file's order.
    public var feeds: [NewFeed] = []
    /// Already in the config (or listed twice in the file): left out.
    public var duplicates: [OPMLFeed] = []
    /// Left out, with the reason (`feed:` URLs, empty names…).
    public var invalid: [(feed: OPMLFeed, reason: String)] = []

    /// Names come from the outline's `text`/`title` (else the URL's host), made unique;
    /// tags from the folders the outline sits in and its `category` attribute, each made
    /// into a valid tag name. A feed filed in several folders (Feedly and Inoreader
    /// export it once per folder) is added once, with the tags of every folder.
    public init(_ opml: [OPMLFeed], config: Config) {
        var knownURLs = Set(config.feeds.map(\.url))
        var knownSources = Set(config.feeds.map { FeedSourceKey($0.source).source })
        /// Feeds this plan adds (their index), by URL and by source, to merge the tags of repeats.
        var addedURLs: [String: Int] = [:]
        var addedSources: [FeedSource: Int] = [:]
        var names = Set(config.feeds.map(\.name))
        for entry in opml {
            let source: FeedSourceKey
            do {
                source = FeedSourceKey(try Config.feedSource(entry.xmlURL, directory: config.directory))
            } catch {
                invalid.append((entry, error.message))
                continue
            }
            let tags = Self.tags(of: entry)
            if let index = addedURLs[entry.xmlURL] ?? addedSources[source.source] {
                for tag in tags where !feeds[index].tags.contains(tag) { feeds[index].tags.append(tag) }
                duplicates.append(entry)
                continue
            }
            guard !knownURLs.contains(entry.xmlURL), !knownSources.contains(source.source) else {
                duplicates.append(entry)
                continue
            }
            knownURLs.insert(entry.xmlURL)
            knownSources.insert(source.source)
            addedURLs[entry.xmlURL] = feeds.count
            addedSources[source.source] = feeds.count
            let base = entry.title.flatMap { FeedNaming.slug($0) } ?? FeedNaming.slug(forURL: entry.xmlURL) ?? "feed"
            let name = FeedNaming.unique(base, among: names)
            names.insert(name)
            feeds.append(NewFeed(name: name, url: entry.xmlURL, tags: tags))
        }
    }

    private static func tags(of entry: OPMLFeed) -> [String] {
        var tags: [String] = []
        for raw in entry.folders + entry.categories {
            if let tag = FeedNaming.slug(raw), !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }
}

import WirewatchConfig
import WirewatchCore
import WirewatchParse

/// `wirewatch export-opml`: the config's feeds as an OPML 2.0 subscription list.
public enum OPMLExport {
    /// Every feed, disabled ones too (they are still subscriptions). A feed read from a
    /// file is exported as its absolute `file://` URL, since a relative path means nothing
    /// outside this config's folder.
    public static func document(for config: Config, title: String = "Wirewatch feeds") -> String {
        let entries = config.feeds.map { feed in
            let url: String =
                switch feed.source {
                case .http: feed.url
                case .file: feed.source.description
                }
            return OPMLWriter.Entry(name: feed.name, url: url, tags: feed.tags)
        }
        return OPMLWriter.document(title: title, entries: entries)
    }
}

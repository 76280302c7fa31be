import WirewatchCore

extension Config {
    /// Where a feed `url` would be read from if written in a config in `directory`
    /// (`http(s)://`, `file://`, or a path relative to `directory`); throws the reason
    /// `wirewatch check` would give when it cannot be used.
    public static func feedSource(_ url: String, directory: String) throws(ConfigEditError) -> FeedSource {
        switch FeedURLResolver.resolve(url, directory: directory) {
        case .success(let source): return source
        case .failure(let error): throw ConfigEditError("\(url): \(error.reason)")
        }
    }
}

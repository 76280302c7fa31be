/// Where a feed's bytes come from, resolved from the `url` written in the config.
public enum FeedSource: Sendable, Hashable, CustomStringConvertible {
    /// An `http://` or `https://` URL.
    case http(String)
    /// An absolute file path (from `file://` URLs and plain paths).
    case file(String)

    public var description: String {
        switch self {
        case .http(let url): url
        case .file(let path): "file://" + path
        }
    }
}

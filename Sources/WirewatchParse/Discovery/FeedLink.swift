/// A feed a web page points to with `<link rel="alternate" type="…" href="…">`.
public struct FeedLink: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case rss, atom, json
    }

    /// Absolute: resolved against the page's URL (and its `<base href>`).
    public var url: String
    public var kind: Kind
    /// The link's `title` attribute, if any.
    public var title: String?

    public init(url: String, kind: Kind, title: String? = nil) {
        self.url = url
        self.kind = kind
        self.title = title
    }
}

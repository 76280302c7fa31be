/// One feed of an OPML subscription list: an `<outline>` with an `xmlUrl`.
public struct OPMLFeed: Sendable, Equatable {
    /// `text`, else `title` (OPML 2.0 requires `text`; many exporters write only `title`).
    public var title: String?
    public var xmlURL: String
    public var htmlURL: String?
    /// The `text`/`title` of the folder outlines it is nested in, outermost first.
    public var folders: [String]
    /// The `category` attribute split at commas and slashes: `"/left,/news/local"` → left, news, local.
    public var categories: [String]
    /// Line of its `<outline>` in the file.
    public var line: Int

    public init(
        title: String?, xmlURL: String, htmlURL: String? = nil, folders: [String] = [],
        categories: [String] = [], line: Int = 0
    ) {
        self.title = title
        self.xmlURL = xmlURL
        self.htmlURL = htmlURL
        self.folders = folders
        self.categories = categories
        self.line = line
    }
}

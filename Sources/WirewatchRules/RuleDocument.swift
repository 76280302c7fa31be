/// The fields of one item that rules read. Text fields are plain text.
public struct RuleDocument: Sendable {
    public var title: String
    public var summary: String
    public var content: String
    public var author: String
    public var feed: String
    public var link: String
    public var language: String
    public var tags: [String]
    public var categories: [String]
    /// Story rules only: how many distinct outlets carry the item's story…
    public var storySources: Int = 0
    /// …and the feed tags of those outlets (`covered:`).
    public var coveredTags: [String] = []

    public init(
        title: String = "", summary: String = "", content: String = "", author: String = "",
        feed: String = "", link: String = "", language: String = "",
        tags: [String] = [], categories: [String] = []
    ) {
        self.title = title
        self.summary = summary
        self.content = content
        self.author = author
        self.feed = feed
        self.link = link
        self.language = language
        self.tags = tags
        self.categories = categories
    }
}

import Foundation

/// One article of a feed, normalized from RSS 0.9x/1.0/2.0, Atom or JSON Feed.
///
/// Markup is kept as published (`summary`, `content`); the `…Text` fields are the
/// plain-text renditions (tags stripped, entities decoded, whitespace collapsed)
/// that rules and dedup read. The parser computes them once.
public struct Item: Sendable, Hashable, Codable {
    /// guid / atom:id / rdf:about / JSON Feed id, as published (trimmed).
    public var guid: String?
    /// Absolute URL of the article's page.
    public var link: String?
    /// Plain-text title ("" when the item has none).
    public var title: String
    /// Summary as published: HTML (`summaryIsHTML`) or plain text.
    public var summary: String?
    public var summaryIsHTML: Bool
    /// Full body as HTML (content:encoded, atom:content, JSON content_html).
    public var content: String?
    public var author: String?
    public var published: Date?
    public var updated: Date?
    public var categories: [String]
    public var enclosures: [Enclosure]
    /// xml:lang / dc:language in scope for the item, if any.
    public var language: String?
    /// Plain-text renditions for matching and dedup.
    public var summaryText: String
    public var contentText: String

    public init(
        guid: String? = nil, link: String? = nil, title: String = "",
        summary: String? = nil, summaryIsHTML: Bool = true, content: String? = nil,
        author: String? = nil, published: Date? = nil, updated: Date? = nil,
        categories: [String] = [], enclosures: [Enclosure] = [], language: String? = nil,
        summaryText: String = "", contentText: String = ""
    ) {
        self.guid = guid
        self.link = link
        self.title = title
        self.summary = summary
        self.summaryIsHTML = summaryIsHTML
        self.content = content
        self.author = author
        self.published = published
        self.updated = updated
        self.categories = categories
        self.enclosures = enclosures
        self.language = language
        self.summaryText = summaryText
        self.contentText = contentText
    }

    /// The best plain-text body: the content when there is one, else the summary.
    public var bodyText: String { contentText.isEmpty ? summaryText : contentText }
}

/// A media file attached to an item (RSS enclosure, Atom rel="enclosure").
public struct Enclosure: Sendable, Hashable, Codable {
    public var url: String
    public var type: String?
    public var length: Int64?

    public init(url: String, type: String? = nil, length: Int64? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}

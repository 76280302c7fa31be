/// A feed to be added to the config file as a `[[feed]]` table (`feeds add`, `import-opml`).
public struct NewFeed: Sendable, Equatable {
    public var name: String
    /// Written to the file exactly as given.
    public var url: String
    public var tags: [String]

    public init(name: String, url: String, tags: [String] = []) {
        self.name = name
        self.url = url
        self.tags = tags
    }
}

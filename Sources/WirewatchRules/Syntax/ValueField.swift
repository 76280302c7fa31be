/// The fields compared as whole values (or, for links, substrings).
enum ValueField: Sendable, Hashable {
    case feed, tag, category, lang, link
    /// The feed tags of the outlets that carry the story (story rules).
    case covered
    /// How many distinct outlets carry the story, compared with a number (`sources>=3`).
    case sources

    /// Whether the field reads the story rather than the item.
    var readsStory: Bool { self == .covered || self == .sources }
}

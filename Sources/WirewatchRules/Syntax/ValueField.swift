/// The fields compared as whole values (or, for links, substrings).
enum ValueField: Sendable, Equatable {
    case feed, tag, category, lang, link
}

extension Item {
    /// What alerts and stories call the item: its title, or, for an item without
    /// one (Mastodon and micro.blog posts, some JSON Feeds), the first words of
    /// its text, cut at a word and ended with "…"; else its link. The item
    /// itself keeps its empty title (the archive and `parse --json` say what the
    /// feed said).
    public var headline: String {
        if !title.isEmpty { return title }
        let text = bodyText.split(whereSeparator: \.isWhitespace)
        if !text.isEmpty {
            var words: [Substring] = []
            var length = 0
            for word in text {
                if length + word.count > Self.headlineLength, !words.isEmpty { break }
                words.append(word)
                length += word.count + 1
            }
            let headline = words.joined(separator: " ")
            return words.count < text.count ? headline + "…" : headline
        }
        return link ?? ""
    }

    /// Characters of text a headline takes at most (about a line).
    static let headlineLength = 80
}

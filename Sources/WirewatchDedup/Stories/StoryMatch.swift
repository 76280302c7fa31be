/// Why two signatures were judged to be one story, and how strongly.
public struct StoryMatch: Sendable, Hashable {
    public var reason: Reason
    /// The evidence behind `reason`, 0…1: 1 for identical text; the estimated
    /// Jaccard for `republished`/`edited`; the estimated containment of the
    /// shorter text in the longer for `excerpt` and `sameTitle`.
    public var score: Double

    public init(reason: Reason, score: Double) {
        self.reason = reason
        self.score = score
    }

    public enum Reason: String, Sendable, Hashable {
        /// The same normalized text (long enough to be specific, or under the same title).
        case sameText
        /// Nearly the same text: an added editor's note or credit line.
        case republished
        /// The same text lightly rewritten (words changed, a sentence dropped or added).
        case edited
        /// The shorter text is contained in the longer: an aggregator's first
        /// paragraphs, or a feed summary of the full article.
        case excerpt
        /// The same title, corroborated by the lede or part of the body.
        case sameTitle
    }
}

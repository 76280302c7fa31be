/// The thresholds of `StorySignature.sameStory(as:)` and why they are where they are.
///
/// Sources: the research anchors §3 (MinHash on news-like text) and our own
/// labelled set `Tests/WirewatchDedupTests/StoryEval` (StoryEvaluationTests).
enum StoryMatchPolicy {
    /// Below this many shingles (≈ 22 words) a body's MinHash is too noisy and
    /// too generic to decide anything on its own.
    static let minBodyShingles = 20

    /// Republished copies measured J 0.92–0.98 with their source.
    static let republishedJaccard = 0.80
    /// Lightly edited copies measured J 0.55–0.86; verify a little under the
    /// LSH threshold (t = 0.5 gave recall 0.98, precision 1.0).
    static let editedJaccard = 0.45

    /// The next day's follow-up often reuses the first article's background
    /// paragraphs under a new lede: a wire follow-up reusing four of seven
    /// paragraphs measured J 0.46 with an outlet's copy of the first day's
    /// article (lede containment 0.02, body containment 0.64) and joined its
    /// story, so it raised no alert. Edited copies keep their lede or are mostly
    /// contained in their source: in the labelled sets every edited positive
    /// under J 0.6 had a lede containment ≥ 0.42 or a containment ≥ 0.96. Below
    /// J 0.6, a pair with a new lede (containment < 0.3) and a body less than
    /// 0.8 contained is not an edit.
    static let followUpJaccard = 0.60
    static let followUpLedeContainment = 0.30
    static let followUpContainment = 0.80

    /// Excerpts have J 0.16–0.22 but containment 1.0 in their source; the
    /// oracle "containment ≥ 0.8" had no false positive. Estimated from MinHash
    /// the containment of a short text is noisy, so its lower bound must pass.
    static let excerptContainmentLowerBound = 0.70
    static let containmentMinShingles = 40

    /// Same lede (an aggregator's top paragraphs, a feed summary) plus part of
    /// the body. Containment rather than Jaccard of the ledes, because a
    /// 25-word summary can reach at most J = 23/38 with a 40-word lede.
    static let ledeMinShingles = 15
    static let ledeContainment = 0.85
    static let ledeBodyContainment = 0.50

    /// The same title is corroboration only: "Live updates" or "Morning
    /// briefing" repeat every day with different stories. In our set, different
    /// articles on one event reached lede containment 0.76 (0.48 under the same
    /// headline) and body J 0.38, so a title counts only with a shared lede (a
    /// feed summary is the top of its article), never with loose body
    /// similarity. Summaries of 18–24 shingles estimated 0.83–0.84 against their
    /// full text (64 lede values are noisy on so few shingles), hence 0.75. Two
    /// one-sentence teasers under one headline reached 0.85 in a held-out set,
    /// so when neither side has a body the lede must be all but identical.
    static let titleMinWords = 3
    static let titleMinLedeShingles = 6
    static let titleLedeContainment = 0.75
    static let titleLedeContainmentBothShort = 0.95

    /// Identical text counts alone only when it is long enough to be specific;
    /// shorter, it needs the same title too.
    static let sameTextMinWords = 40
    static let sameTextWithTitleMinWords = 10
}

/// The verification step: are two signatures one story?
///
/// Thresholds are in `StoryMatchPolicy`, with the measurements behind them.
extension StorySignature {
    public func sameStory(as other: StorySignature) -> StoryMatch? {
        Self.decide(StoryEvidence(self, other))
    }

    static func decide(_ e: StoryEvidence) -> StoryMatch? {
        typealias Policy = StoryMatchPolicy
        let specificTitle = e.sameTitle && e.shorterTitleWords >= Policy.titleMinWords

        // Identical text. A short identical body is as often boilerplate
        // ("Subscribe to continue reading…") as a story, so it needs the title too.
        if e.sameText {
            if e.shorterTextWords >= Policy.sameTextMinWords
                || (e.shorterTextWords >= Policy.sameTextWithTitleMinWords && specificTitle)
            {
                return StoryMatch(reason: .sameText, score: 1)
            }
            return nil
        }
        guard e.smallBody > 0 else { return nil }  // no shingles on one side: only exact text

        if e.smallBody >= Policy.minBodyShingles {
            if e.bodyJaccard >= Policy.republishedJaccard {
                return StoryMatch(reason: .republished, score: e.bodyJaccard)
            }
            if e.bodyJaccard >= Policy.editedJaccard, !e.looksLikeFollowUp {
                return StoryMatch(reason: .edited, score: e.bodyJaccard)
            }
            if e.smallBody >= Policy.containmentMinShingles,
                e.bodyContainmentLowerBound >= Policy.excerptContainmentLowerBound
            {
                return StoryMatch(reason: .excerpt, score: e.bodyContainment)
            }
            if e.smallLede >= Policy.ledeMinShingles, e.ledeContainment >= Policy.ledeContainment,
                e.bodyContainment >= Policy.ledeBodyContainment
            {
                return StoryMatch(reason: .excerpt, score: e.bodyContainment)
            }
        }

        // A short text (a feed summary, a teaser) under the same title: only a
        // lede it shares makes it the same story; loose body similarity never does.
        // Two teasers with no article behind either need a near-identical lede.
        let bothShort = e.largeBody < Policy.minBodyShingles
        let ledeNeeded = bothShort ? Policy.titleLedeContainmentBothShort : Policy.titleLedeContainment
        if specificTitle, e.smallLede >= Policy.titleMinLedeShingles, e.ledeContainment >= ledeNeeded {
            return StoryMatch(reason: .sameTitle, score: e.ledeContainment)
        }
        return nil
    }
}

extension StoryEvidence {
    /// A new lede over reused paragraphs: another article (see `StoryMatchPolicy.followUpJaccard`).
    var looksLikeFollowUp: Bool {
        typealias Policy = StoryMatchPolicy
        return bodyJaccard < Policy.followUpJaccard && smallLede >= Policy.ledeMinShingles
            && ledeContainment < Policy.followUpLedeContainment && bodyContainment < Policy.followUpContainment
    }
}

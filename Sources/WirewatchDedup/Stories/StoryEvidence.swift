/// The measurements `sameStory(as:)` decides on, for one pair of signatures.
/// Internal: exposed to tests and to the evaluation's diagnostics.
struct StoryEvidence: Sendable {
    var sameText: Bool
    var sameTitle: Bool
    /// Words of the shorter text and title of the two.
    var shorterTextWords: Int
    var shorterTitleWords: Int
    /// Shingle counts of the smaller and larger body.
    var smallBody: Int
    var largeBody: Int
    var bodyJaccard: Double
    /// Estimated containment of the smaller body in the larger, and a lower
    /// bound two standard errors below it: with 128 values the Jaccard estimate
    /// has a standard error of √(J(1−J)/128), and the containment formula
    /// multiplies it by (|Q|+|X|)/|Q|, so a 50-shingle brief against a
    /// 450-shingle article can reach an estimate of 0.8 by chance alone.
    var bodyContainment: Double
    var bodyContainmentLowerBound: Double
    var smallLede: Int
    var ledeJaccard: Double
    var ledeContainment: Double

    init(_ a: StorySignature, _ b: StorySignature) {
        sameText = a.textKey != 0 && a.textKey == b.textKey
        sameTitle = a.titleKey != 0 && a.titleKey == b.titleKey
        shorterTextWords = Int(min(a.textWords, b.textWords))
        shorterTitleWords = Int(min(a.titleWords, b.titleWords))
        smallBody = Int(min(a.bodyShingles, b.bodyShingles))
        largeBody = Int(max(a.bodyShingles, b.bodyShingles))
        bodyJaccard = MinHash.estimatedJaccard(a.body, b.body)
        bodyContainment = MinHash.estimatedContainment(jaccard: bodyJaccard, small: smallBody, large: largeBody)
        let standardError = (bodyJaccard * (1 - bodyJaccard) / Double(max(1, a.body.count))).squareRoot()
        let lowJaccard = max(0, bodyJaccard - 2 * standardError)
        bodyContainmentLowerBound = MinHash.estimatedContainment(jaccard: lowJaccard, small: smallBody, large: largeBody)
        smallLede = Int(min(a.ledeShingles, b.ledeShingles))
        ledeJaccard = MinHash.estimatedJaccard(a.lede, b.lede)
        ledeContainment = MinHash.estimatedContainment(
            jaccard: ledeJaccard, small: smallLede, large: Int(max(a.ledeShingles, b.ledeShingles)))
    }
}

/// What the archive keeps of an item to recognise the same story elsewhere:
/// MinHash signatures of the body and of its lede, and keys of the normalized
/// title and text.
///
/// One article republished by several outlets, or a wire story lightly
/// rewritten, must be one story; two different articles about one event must
/// stay two. The archive looks candidates up by `lookupKeys` (LSH bands, so the
/// cost does not grow with the archive), decodes their `encoded()` blobs and
/// asks `sameStory(as:)`. Deterministic across runs and machines.
public struct StorySignature: Sendable, Hashable {
    /// Bumped whenever keys or blobs change meaning, so stored ones can be recomputed.
    public static let version: Int = 1

    /// Words of the lede: an aggregator's excerpt is the top of the article, and
    /// a lede signature found every excerpt that whole-body Jaccard missed
    /// (research anchors §3: excerpt J 0.16–0.22, lede LSH recall 1.00).
    static let ledeWords = 40
    /// Longer bodies are signed on their first words only, bounding the cost
    /// of pathological inputs (news articles are far shorter).
    static let maxBodyWords = 8_000

    /// Hash of the whole normalized text (0 when it has no words).
    let textKey: UInt64
    /// Hash of the normalized title (0 when it has no words).
    let titleKey: UInt64
    /// Words in the normalized text and title (saturating).
    let textWords: UInt32
    let titleWords: UInt8
    /// Number of distinct shingles behind each signature, for containment estimates.
    let bodyShingles: UInt16
    let ledeShingles: UInt8
    /// 8-bit MinHash values; empty when the text has fewer than three words.
    let body: [UInt8]
    let lede: [UInt8]

    public init(title: String, text: String) {
        let titleWordHashes = TextNormalizer.wordHashes(of: title)
        titleKey = Self.sequenceKey(titleWordHashes)
        titleWords = UInt8(min(titleWordHashes.count, Int(UInt8.max)))

        let words = TextNormalizer.wordHashes(of: text)
        textKey = Self.sequenceKey(words)
        textWords = UInt32(min(words.count, Int(UInt32.max)))

        var shingles: [UInt64] = []
        shingles.reserveCapacity(max(0, min(words.count, Self.maxBodyWords) - 2))
        words.withUnsafeBufferPointer { words in
            Shingles.append(from: words, count: min(words.count, Self.maxBodyWords), to: &shingles)
        }
        // Deduplication keeps first occurrences in order, so the lede's shingles
        // (those of the first 40 words) stay a prefix of the body's.
        let ledeCount = Shingles.deduplicate(&shingles, prefix: Self.ledeWords - 2)
        var body: [UInt8] = []
        var lede: [UInt8] = []
        shingles.withUnsafeBufferPointer { all in
            body = MinHash.body.signature(of: all) ?? []
            lede = MinHash.lede.signature(of: UnsafeBufferPointer(rebasing: all.prefix(ledeCount))) ?? []
        }
        self.body = body
        self.lede = lede
        bodyShingles = UInt16(shingles.count)  // ≤ maxBodyWords − 2
        ledeShingles = UInt8(ledeCount)
    }

    init(
        textKey: UInt64, titleKey: UInt64, textWords: UInt32, titleWords: UInt8,
        bodyShingles: UInt16, ledeShingles: UInt8, body: [UInt8], lede: [UInt8]
    ) {
        self.textKey = textKey
        self.titleKey = titleKey
        self.textWords = textWords
        self.titleWords = titleWords
        self.bodyShingles = bodyShingles
        self.ledeShingles = ledeShingles
        self.body = body
        self.lede = lede
    }

    /// A key for a whole word sequence; the length is mixed in so that no
    /// prefix relation leaks, and 0 is reserved for "no words".
    static func sequenceKey(_ words: [UInt64]) -> UInt64 {
        guard !words.isEmpty else { return 0 }
        var key: UInt64 = 0x7374_6f72_795f_6b65  // "story_ke"
        for word in words { key = StableHash.combine(key, word) }
        key = StableHash.combine(key, UInt64(words.count))
        return key == 0 ? 1 : key
    }
}

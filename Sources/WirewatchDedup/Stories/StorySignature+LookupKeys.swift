/// The keys the archive indexes each item under (`story_key(key, item_id)`).
///
/// Body bands: 25 bands × 5 rows of the 128 body values — the LSH layout that
/// found 100 % of republished and 98 % of lightly edited copies with no false
/// candidate in the research anchors (§3, t = 0.5). Lede bands: 8 × 4 of the
/// first 32 of the 64 lede values, a lower threshold because a copied lede is
/// J ≈ 1 and an unrelated one J ≈ 0 (a lede with J = 0.8 still shares a band
/// with probability 0.985). Sixteen lede bands found no more pairs of the
/// labelled set than eight (end-to-end recall 0.973 either way, four fewer
/// negatives sharing a key with eight), and each key is two B-tree inserts and
/// a probe per item: 43 → 35 keys per article. The first eight of the sixteen
/// bands written before are these eight, so older archives' keys still match.
/// Bands are built from the stored 8-bit values, so a decoded blob gives back
/// exactly the same keys; a band of five random bytes collides by chance with
/// probability 2⁻⁴⁰.
extension StorySignature {
    static let bodyBands = 25
    static let bodyRows = 5
    static let ledeBands = 8
    static let ledeRows = 4

    /// Bits 59–62 tag the kind, so kinds never collide; bit 63 stays 0 (keys ≥ 0).
    enum KeyKind: UInt64 {
        case text = 1, title = 2, bodyBand = 3, ledeBand = 4
    }

    static func key(_ kind: KeyKind, _ hash: UInt64) -> Int64 {
        Int64(bitPattern: kind.rawValue << 59 | hash >> 5)
    }

    /// In this order: the exact-text key, the title key, 25 body bands, 8 lede
    /// bands (35 keys for an article). A key is left out when no match could
    /// ever rest on it — a text under 10 words, a title under 3 words, band keys
    /// of a body under 20 shingles (see `StoryMatchPolicy`) — because those are
    /// the keys that boilerplate ("Subscribe to continue reading", "Live
    /// updates") shares with thousands of items.
    public var lookupKeys: [Int64] {
        var keys: [Int64] = []
        keys.reserveCapacity(2 + Self.bodyBands + Self.ledeBands)
        if textKey != 0, textWords >= StoryMatchPolicy.sameTextWithTitleMinWords {
            keys.append(Self.key(.text, textKey))
        }
        if titleKey != 0, titleWords >= StoryMatchPolicy.titleMinWords {
            keys.append(Self.key(.title, titleKey))
        }
        if bodyShingles >= StoryMatchPolicy.minBodyShingles {
            Self.appendBands(of: body, bands: Self.bodyBands, rows: Self.bodyRows, kind: .bodyBand, to: &keys)
            Self.appendBands(of: lede, bands: Self.ledeBands, rows: Self.ledeRows, kind: .ledeBand, to: &keys)
        }
        return keys
    }

    static func appendBands(
        of values: [UInt8], bands: Int, rows: Int, kind: KeyKind, to keys: inout [Int64]
    ) {
        guard values.count >= bands * rows else { return }  // (bands use the first values)
        for band in 0..<bands {
            var hash = StableHash.mix(kind.rawValue << 32 | UInt64(band))
            for row in 0..<rows {
                hash = StableHash.combine(hash, UInt64(values[band * rows + row]))
            }
            keys.append(key(kind, hash))
        }
    }
}

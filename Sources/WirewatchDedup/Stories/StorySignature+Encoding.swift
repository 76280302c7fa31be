/// The compact blob stored per item.
///
/// Layout (little-endian): format version (1), text key (8), title key (8),
/// text words (4), title words (1), body shingles (2), lede shingles (1), then
/// the 128 body values when body shingles > 0 and the 64 lede values when lede
/// shingles > 0 — 217 bytes for an article, 25 for a text under three words.
extension StorySignature {
    static let headerSize = 25

    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.headerSize + body.count + lede.count)
        out.append(UInt8(Self.version))
        Self.append(textKey, bytes: 8, to: &out)
        Self.append(titleKey, bytes: 8, to: &out)
        Self.append(UInt64(textWords), bytes: 4, to: &out)
        out.append(titleWords)
        Self.append(UInt64(bodyShingles), bytes: 2, to: &out)
        out.append(ledeShingles)
        out += body
        out += lede
        return out
    }

    /// nil for a blob of another version or a damaged one.
    public init?(encoded bytes: [UInt8]) {
        guard bytes.count >= Self.headerSize, bytes[0] == UInt8(Self.version) else { return nil }
        func read(_ offset: Int, _ count: Int) -> UInt64 {
            var value: UInt64 = 0
            for k in (0..<count).reversed() { value = value << 8 | UInt64(bytes[offset + k]) }
            return value
        }
        let bodyShingles = UInt16(read(22, 2))
        let ledeShingles = bytes[24]
        let bodyCount = bodyShingles > 0 ? MinHash.body.count : 0
        let ledeCount = ledeShingles > 0 ? MinHash.lede.count : 0
        guard bytes.count == Self.headerSize + bodyCount + ledeCount else { return nil }
        let bodyEnd = Self.headerSize + bodyCount
        self.init(
            textKey: read(1, 8), titleKey: read(9, 8), textWords: UInt32(read(17, 4)),
            titleWords: bytes[21], bodyShingles: bodyShingles, ledeShingles: ledeShingles,
            body: Array(bytes[Self.headerSize..<bodyEnd]), lede: Array(bytes[bodyEnd...])
        )
    }

    static func append(_ value: UInt64, bytes: Int, to out: inout [UInt8]) {
        for k in 0..<bytes { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) }
    }
}

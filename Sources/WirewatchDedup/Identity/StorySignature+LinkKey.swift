extension StorySignature {
    /// The story-lookup key of a canonical link: two items with the same link
    /// are the same story whatever their text. Tagged with kind 5 in bits 59–62
    /// (kinds 1–4 are the signature's own keys, see `lookupKeys`).
    public static func linkKey(canonicalLink: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonicalLink.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: 5 << 59 | hash >> 5)
    }
}

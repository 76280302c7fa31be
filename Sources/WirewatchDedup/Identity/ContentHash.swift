/// A fingerprint of what a reader sees of an item (title and plain-text body):
/// when it changes for an item already archived, the outlet edited the item.
public enum ContentHash {
    public static func of(title: String, text: String) -> String {
        var hasher = FNV1a128()
        hasher.combine(title)
        hasher.combine(0x1F)
        hasher.combine(text)
        return hasher.hexDigest
    }
}

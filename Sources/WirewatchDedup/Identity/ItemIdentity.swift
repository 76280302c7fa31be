import WirewatchCore

/// The key that says "this feed already delivered this item", across runs.
///
/// Per feed: the guid / atom:id when there is one; without it, the canonical
/// link; without that, a hash of the title and date. The prefix keeps the three
/// kinds from ever colliding. A guid or link that is only the site's home page
/// does not count (see `CanonicalLink.isHomePage`).
public struct ItemIdentity: Sendable, Hashable, CustomStringConvertible {
    public let key: String

    public init(key: String) { self.key = key }

    public init(of item: Item) {
        if let guid = item.guid?.trimmingWhitespace(), !guid.isEmpty, !Self.isHomePage(guid) {
            key = "guid:" + guid
        } else if let link = item.link.map(CanonicalLink.canonicalize), !link.isEmpty, !CanonicalLink.isHomePage(link) {
            key = "link:" + link
        } else {
            var hasher = FNV1a128()
            hasher.combine(item.title)
            hasher.combine("\u{1F}")
            if let date = item.published ?? item.updated {
                hasher.combine(String(Int64(date.timeIntervalSince1970)))
            }
            hasher.combine("\u{1F}")
            // Without a title (rare) the body is all that tells two items apart.
            if item.title.isEmpty { hasher.combine(item.bodyText) }
            key = "hash:" + hasher.hexDigest
        }
    }

    public var description: String { key }

    /// A guid that is the site's address (some systems give every item that)
    /// identifies no item; see `CanonicalLink.isHomePage`.
    private static func isHomePage(_ guid: String) -> Bool {
        guard guid.hasPrefix("http"), let schemeEnd = guid.firstRange(of: "://") else { return false }
        // Most guids that are URLs are permalinks: a path past "/" survives
        // canonicalization, so they are told apart without canonicalizing them
        // (every item of every changed document comes through here).
        let rest = guid[schemeEnd.upperBound...]
        if let slash = rest.firstIndex(of: "/") {
            let path = rest[rest.index(after: slash)...]
            if let next = path.first, next != "?", next != "#" { return false }
        }
        return CanonicalLink.isHomePage(CanonicalLink.canonicalize(guid))
    }
}

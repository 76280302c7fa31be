import WirewatchCore

extension ItemIdentity {
    /// The identities of one document's items, in order.
    ///
    /// Like `init(of:)`, except that an id several different articles of the
    /// document share identifies none of them: some publishing systems give every
    /// item the site's address as its guid, or link every item to the home page.
    /// Taken at its word, such an id would file each new article as an edit of the
    /// first and the others would never be seen. Those items fall back to the next
    /// rule (guid → canonical link → title and date), so every article keeps an
    /// identity of its own; an item listed twice (same link and title) stays one.
    public static func of(_ items: [Item]) -> [ItemIdentity] {
        var identities = items.map(ItemIdentity.init(of:))
        var levels = [Int](repeating: 0, count: items.count)
        // Each pass can only move items down the three rules; nearly every document
        // needs the first only.
        for _ in 0..<2 {
            var groups: [String: [Int]] = [:]
            for index in items.indices { groups[identities[index].key, default: []].append(index) }
            var moved = false
            for members in groups.values where members.count > 1 {
                let first = items[members[0]]
                guard members.contains(where: { !sameArticle(items[$0], first) }) else { continue }
                for index in members where levels[index] < 2 {
                    levels[index] += 1
                    identities[index] = key(items[index], rule: levels[index])
                    moved = true
                }
            }
            if !moved { break }
        }
        return identities
    }

    /// The identity by the first usable rule at or after `rule` (0 guid, 1 link, 2 hash).
    private static func key(_ item: Item, rule: Int) -> ItemIdentity {
        var item = item
        if rule >= 1 { item.guid = nil }
        if rule >= 2 { item.link = nil }
        return ItemIdentity(of: item)
    }

    private static func sameArticle(_ a: Item, _ b: Item) -> Bool {
        a.title == b.title && canonical(a.link) == canonical(b.link)
    }

    private static func canonical(_ link: String?) -> String {
        guard let link, !link.trimmingWhitespace().isEmpty else { return "" }
        return CanonicalLink.canonicalize(link)
    }
}

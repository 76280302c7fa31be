import Foundation
import Testing
import WirewatchCore
@testable import WirewatchDedup

@Suite("Item identity")
struct ItemIdentityTests {
    /// Some publishing systems give every item the same guid (the site's address):
    /// each article must still get an identity of its own.
    @Test func aGuidSharedByDifferentArticlesFallsBackToTheirLinks() {
        let items = [
            Item(guid: "https://s.example/", link: "https://s.example/one", title: "One"),
            Item(guid: "https://s.example/", link: "https://s.example/two", title: "Two"),
            Item(guid: "tag:s.example,2026:3", link: "https://s.example/three", title: "Three"),
            Item(guid: "https://s.example/", link: "https://s.example/one?utm_source=rss", title: "One"),
        ]
        #expect(ItemIdentity.of(items).map(\.key) == [
            "link:https://s.example/one", "link:https://s.example/two", "guid:tag:s.example,2026:3",
            "link:https://s.example/one",
        ])
    }

    @Test func aLinkSharedByDifferentArticlesFallsBackToTitleAndDate() {
        let items = [
            Item(guid: nil, link: "https://s.example/", title: "Morning briefing"),
            Item(guid: nil, link: "https://s.example/", title: "Evening briefing"),
        ]
        let keys = ItemIdentity.of(items).map(\.key)
        #expect(keys.allSatisfy { $0.hasPrefix("hash:") })
        #expect(Set(keys).count == 2)
    }

    /// The same item listed twice is one item; unique ids are left alone.
    @Test func anItemListedTwiceKeepsItsGuid() {
        let item = Item(guid: "g1", link: "https://s.example/1", title: "One")
        let other = Item(guid: "g2", link: "https://s.example/2", title: "Two")
        #expect(ItemIdentity.of([item, other, item]).map(\.key) == ["guid:g1", "guid:g2", "guid:g1"])
    }

    @Test func guidWinsOverLink() {
        let item = Item(guid: " tag:example.org,2026:1 ", link: "https://example.org/1", title: "T")
        #expect(ItemIdentity(of: item).key == "guid:tag:example.org,2026:1")
    }

    @Test func canonicalLinkWithoutGuid() {
        let a = Item(link: "https://example.org/1?utm_source=x", title: "T")
        let b = Item(link: "HTTPS://EXAMPLE.org/1", title: "Other title")
        #expect(ItemIdentity(of: a) == ItemIdentity(of: b))
        #expect(ItemIdentity(of: a).key == "link:https://example.org/1")
    }

    @Test func hashOfTitleAndDateWithoutGuidOrLink() {
        let date = Date(timeIntervalSince1970: 1_780_000_000)
        let a = Item(title: "Strike vote tonight", published: date)
        let same = Item(title: "Strike vote tonight", published: date)
        let otherDay = Item(title: "Strike vote tonight", published: date.addingTimeInterval(86_400))
        let otherTitle = Item(title: "Strike vote tomorrow", published: date)
        #expect(ItemIdentity(of: a) == ItemIdentity(of: same))
        #expect(ItemIdentity(of: a) != ItemIdentity(of: otherDay))
        #expect(ItemIdentity(of: a) != ItemIdentity(of: otherTitle))
        #expect(ItemIdentity(of: a).key.hasPrefix("hash:"))
        #expect(ItemIdentity(of: a).key.count == "hash:".count + 32)
    }

    @Test func emptyGuidFallsBackToLink() {
        let item = Item(guid: "  ", link: "https://example.org/x", title: "T")
        #expect(ItemIdentity(of: item).key == "link:https://example.org/x")
    }

    @Test func hashIsStableAcrossRuns() {
        // A fixed input must give a fixed key, or every restart would re-archive items.
        var hasher = FNV1a128()
        hasher.combine("a")
        #expect(hasher.hexDigest == "d228cb696f1a8caf78912b704e4a8964")
    }
}

import Foundation
import Testing
import WirewatchCore
@testable import WirewatchParse

@Suite("Streaming items and polling hints")
struct StreamingAndHintsTests {
    static func sample(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Feeds/samples/\(name)").standardized
        return [UInt8](try Data(contentsOf: url))
    }

    @Test("streamed items are the collected items, in order", arguments: [
        "prairie-wire.xml", "riverside-worker.xml", "twin-cities-ledger.xml",
    ])
    func streamedEqualsCollected(_ name: String) throws {
        let bytes = try Self.sample(name)
        let collected = FeedParser().parse(bytes)
        var streamed: [Item] = []
        let summary = FeedParser().parse(bytes) { streamed.append($0) }
        #expect(!collected.items.isEmpty)
        #expect(streamed == collected.items)
        #expect(summary.items.isEmpty)
        #expect(summary.feed == collected.feed)
        #expect(summary.isMalformed == collected.isMalformed)
    }

    @Test("streaming works for Atom and JSON Feed too")
    func otherFormats() {
        let atom = Array("""
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>A</title>
        <entry><id>1</id><title>un</title></entry><entry><id>2</id><title>deux</title></entry></feed>
        """.utf8)
        var titles: [String] = []
        _ = FeedParser().parse(atom) { titles.append($0.title) }
        #expect(titles == ["un", "deux"])
        let json = Array(#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"a","title":"x"}]}"#.utf8)
        var ids: [String?] = []
        _ = FeedParser().parse(json) { ids.append($0.guid) }
        #expect(ids == ["a"])
    }

    @Test("ttl, sy:updatePeriod, skipHours and skipDays reach FeedInfo")
    func pollingHints() {
        let feed = parse("""
        <rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>t</title>
        <ttl>60</ttl><sy:updatePeriod> hourly </sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>
        <skipHours><hour>1</hour><hour>2</hour><hour>24</hour><hour>x</hour></skipHours>
        <skipDays><day>Saturday</day><day>sunday</day><day>Funday</day></skipDays>
        <item><title>a</title></item></channel></rss>
        """).feed
        #expect(feed.ttlMinutes == 60)
        #expect(feed.syndicationPeriod == 1800)
        #expect(feed.skipHours == [0, 1, 2])
        #expect(feed.skipDays == [1, 7])
    }

    @Test("no hints: nil and empty; a daily period without frequency is a day")
    func noHints() {
        let bare = parse("<rss version=\"2.0\"><channel><title>t</title></channel></rss>").feed
        #expect(bare.syndicationPeriod == nil && bare.skipHours.isEmpty && bare.skipDays.isEmpty)
        #expect(FeedBuilder.syndicationPeriod(period: "daily", frequency: nil) == 86_400)
        #expect(FeedBuilder.syndicationPeriod(period: "weekly", frequency: "0") == nil)
        #expect(FeedBuilder.syndicationPeriod(period: "fortnightly", frequency: "1") == nil)
    }
}

import Foundation
import WirewatchArchive
import WirewatchCore
import WirewatchDedup

/// The benchmark's polls, in order: each is `batchSize` items of one feed
/// (republications and edits name other feeds), committed at the time of its
/// last item. Both ingest modes take the same polls.
struct PollSource {
    struct Poll {
        let generated: [Int: [NewsGenerator.Generated]]
        let feedIDs: [String: Int64]
        let at: Date
        /// Items generated so far, this poll's included.
        let produced: Int

        /// The poll's items as the pipeline hands them to the archive, one batch per feed.
        func batches() -> [IngestBatch] {
            generated.sorted(by: { $0.key < $1.key }).map { feed, group in
                IngestBatch(feedID: feedIDs["feed\(feed)"]!, feedName: "feed\(feed)", items: group.map {
                    IngestItem(identity: ItemIdentity(of: $0.item).key, item: $0.item, tags: [], alertRules: [])
                })
            }
        }
    }

    /// The feed a poll belongs to.
    static func feed(ofPoll index: Int, feedCount: Int) -> Int {
        var mix = SplitMix(seed: UInt64(index))
        return Int(mix.next() % UInt64(feedCount))
    }

    private var generator: NewsGenerator
    private let feedCount: Int
    private let batchSize: Int
    private let items: Int
    private let start: Date
    private let feedIDs: [String: Int64]
    private var produced = 0
    private var pollIndex = 0

    init(seed: UInt64, feedCount: Int, batchSize: Int, items: Int, start: Date, feedIDs: [String: Int64]) {
        generator = NewsGenerator(seed: seed, feeds: feedCount)
        self.feedCount = feedCount
        self.batchSize = batchSize
        self.items = items
        self.start = start
        self.feedIDs = feedIDs
    }

    mutating func next() -> Poll? {
        guard produced < items else { return nil }
        var groups: [Int: [NewsGenerator.Generated]] = [:]
        let feed = Self.feed(ofPoll: pollIndex, feedCount: feedCount)
        for _ in 0..<min(batchSize, items - produced) {
            let generated = generator.next(published: start.addingTimeInterval(Double(produced) * 60), feed: feed)
            groups[generated.feed, default: []].append(generated)
            produced += 1
        }
        pollIndex += 1
        return Poll(generated: groups, feedIDs: feedIDs, at: start.addingTimeInterval(Double(produced) * 60), produced: produced)
    }
}

import Foundation
import GRDB
import WirewatchCore

extension Archive {
    /// Stores the items of one poll of one feed, in one transaction: new items
    /// join a story, are indexed for search and raise their alerts; archived items
    /// that come back edited get a new revision (the old text is kept). An item is
    /// never stored without its alerts, so a crash can neither lose an alert nor,
    /// on the next run, raise it twice.
    public func ingest(
        feedID: Int64, feedName: String, items: [IngestItem], at time: Date = Date()
    ) throws(ArchiveError) -> IngestResult {
        if items.isEmpty { return IngestResult(newItems: 0, alerts: []) }
        return try ingest([IngestBatch(feedID: feedID, feedName: feedName, items: items)], at: time)[0]
    }

    /// Several feeds' polls in one transaction (group commit): what a busy daemon's
    /// writer does with the polls that finished while the previous commit ran.
    /// One commit instead of many is most of the cost of a small ingest.
    public func ingest(_ batches: [IngestBatch], at time: Date = Date()) throws(ArchiveError) -> [IngestResult] {
        if batches.isEmpty { return [] }
        return try writeWithStoryKeys(now: time) { db, keyTables in
            try batches.map { batch in
                var writer = IngestWriter(
                    db: db, feedID: batch.feedID, feedName: batch.feedName, time: time, keyTables: keyTables
                )
                writer.sinksByRule = batch.sinksByRule
                writer.storyRules = batch.storyRules
                writer.throttles = batch.throttles
                for entry in batch.items { try writer.ingest(entry) }
                return writer.result
            }
        }
    }

    /// Writes the story keys waiting in memory to their table now (the daemon
    /// calls this when idle and before it stops; nothing is lost without it).
    public func flushStoryKeys() throws(ArchiveError) {
        _ = try writeWithStoryKeys(now: Date(), forceFlush: true) { _, _ in () }
    }

    /// A write transaction that may add story keys: they are staged during the
    /// transaction and handed to the in-memory index as its last step, inside
    /// the writer's turn, so the next transaction always sees them. (Should the
    /// commit itself then fail, the index only holds keys of missing items,
    /// which lookups skip, and the next open replays from the watermark.)
    func writeWithStoryKeys<T: Sendable>(
        now: Date, forceFlush: Bool = false, _ body: @escaping @Sendable (Database, StoryKeyTables) throws -> T
    ) throws(ArchiveError) -> T {
        let window = storyWindow
        let index = storyKeys
        return try write { db in
            let keyTables = try StoryKeyTables.prepare(db, now: now.timeIntervalSince1970, window: window, index: index)
            let value = try body(db, keyTables)
            if forceFlush || index.needsFlush, let through = try keyTables.flush(db) {
                index.flushed(through: through)
            }
            index.add(keyTables.staged)
            return value
        }
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

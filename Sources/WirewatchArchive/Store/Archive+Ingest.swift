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
        let window = storyWindow
        return try write { db in
            let keyTables = try StoryKeyTables.prepare(db, now: time.timeIntervalSince1970, window: window, filter: storyKeyFilter)
            var writer = IngestWriter(db: db, feedID: feedID, feedName: feedName, time: time, keyTables: keyTables)
            for entry in items { try writer.ingest(entry) }
            try keyTables.flush(db)
            return writer.result
        }
    }

    /// Several feeds' polls in one transaction (group commit): what a busy daemon's
    /// writer does with the polls that finished while the previous commit ran.
    /// One commit instead of many is most of the cost of a small ingest.
    public func ingest(_ batches: [IngestBatch], at time: Date = Date()) throws(ArchiveError) -> [IngestResult] {
        if batches.isEmpty { return [] }
        let window = storyWindow
        return try write { db in
            let keyTables = try StoryKeyTables.prepare(db, now: time.timeIntervalSince1970, window: window, filter: storyKeyFilter)
            let results = try batches.map { batch in
                var writer = IngestWriter(
                    db: db, feedID: batch.feedID, feedName: batch.feedName, time: time, keyTables: keyTables
                )
                for entry in batch.items { try writer.ingest(entry) }
                return writer.result
            }
            try keyTables.flush(db)
            return results
        }
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

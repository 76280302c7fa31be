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
        return try write { db in
            var writer = IngestWriter(db: db, feedID: feedID, feedName: feedName, time: time)
            for entry in items { try writer.ingest(entry) }
            return writer.result
        }
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

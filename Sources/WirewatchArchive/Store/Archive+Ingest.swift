import Foundation
import GRDB
import WirewatchCore

extension Archive {
    /// Stores the items of one poll of one feed and raises the alerts of the new
    /// ones, in one transaction: an item is never stored without its alerts, so a
    /// crash can neither lose an alert nor, on the next run, raise it twice.
    /// Items already archived (same feed, same identity) are left untouched.
    public func ingest(
        feedID: Int64, feedName: String, items: [IngestItem], at time: Date = Date()
    ) throws(ArchiveError) -> IngestResult {
        if items.isEmpty { return IngestResult(newItems: 0, alerts: []) }
        let now = time.timeIntervalSince1970
        return try write { db in
            let insertItem = try db.cachedStatement(sql: """
                INSERT INTO item (feed_id, identity, guid, link, title, summary, content, text, author,
                                  language, published_at, updated_at, categories, enclosures, first_seen_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (feed_id, identity) DO NOTHING
                """)
            let insertTag = try db.cachedStatement(sql: "INSERT OR IGNORE INTO item_tag (item_id, tag) VALUES (?, ?)")
            let insertAlert = try db.cachedStatement(sql: """
                INSERT INTO alert (created_at, rule, item_id, feed, title, link) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (rule, item_id) DO NOTHING
                """)
            var newItems = 0
            var alerts: [Alert] = []
            for entry in items {
                let item = entry.item
                try insertItem.execute(arguments: [
                    feedID, entry.identity, item.guid, item.link, item.title, item.summary, item.content,
                    item.bodyText, item.author, item.language,
                    item.published?.timeIntervalSince1970, item.updated?.timeIntervalSince1970,
                    Self.json(item.categories), Self.json(item.enclosures), now,
                ])
                // No row changed: the feed delivered this item before.
                guard db.changesCount == 1 else { continue }
                let itemID = db.lastInsertedRowID
                newItems += 1
                for tag in entry.tags { try insertTag.execute(arguments: [itemID, tag]) }
                for rule in entry.alertRules {
                    try insertAlert.execute(arguments: [now, rule, itemID, feedName, item.title, item.link])
                    guard db.changesCount == 1 else { continue }
                    alerts.append(Alert(
                        id: db.lastInsertedRowID, time: time, rule: rule, feed: feedName,
                        title: item.title, link: item.link, itemID: itemID
                    ))
                }
            }
            return IngestResult(newItems: newItems, alerts: alerts)
        }
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

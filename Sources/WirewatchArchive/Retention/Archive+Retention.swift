import Foundation
import GRDB

extension Archive {
    /// Removes items past their feed's retention policy, in small transactions so
    /// the daemon's writes interleave, and gives the space back incrementally.
    /// Alerted and pinned items are kept; pruned identities leave a tombstone so
    /// a feed still listing them cannot bring them back as new. Returns the count.
    @discardableResult
    public func prune(policies: [String: RetentionPolicy], now: Date = Date()) throws(ArchiveError) -> Int {
        var removed = 0
        for (feed, policy) in policies where !policy.keepsEverything {
            while true {
                let batch = try write { db in
                    try Self.pruneBatch(db, feed: feed, policy: policy, now: now, limit: 200)
                }
                removed += batch
                if batch < 200 { break }
            }
        }
        if removed > 0 {
            // 2,000 pages (16 MB) per step keeps each write short.
            for _ in 0..<64 {
                let freed = try write { db -> Int in
                    let before = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
                    if before == 0 { return 0 }
                    try db.execute(sql: "PRAGMA incremental_vacuum(2000)")
                    return before
                }
                if freed <= 2000 { break }
            }
        }
        return removed
    }

    static func pruneBatch(_ db: Database, feed: String, policy: RetentionPolicy, now: Date, limit: Int) throws -> Int {
        guard let feedID = try Int64.fetchOne(db, sql: "SELECT id FROM feed WHERE name = ?", arguments: [feed]) else { return 0 }
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = [feedID]
        if let maxAge = policy.maxAge {
            conditions.append("item.first_seen_at < ?")
            arguments.append(now.timeIntervalSince1970 - maxAge)
        }
        if let maxItems = policy.maxItems {
            conditions.append("item.id < coalesce((SELECT id FROM item WHERE feed_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?), 0)")
            arguments.append(feedID)
            arguments.append(max(0, maxItems - 1))
        }
        arguments.append(limit)
        let victims = try Row.fetchAll(
            db,
            sql: """
                SELECT id, identity, title, text, author, story_id FROM item
                WHERE feed_id = ? AND pinned = 0 AND (\(conditions.joined(separator: " OR ")))
                  AND NOT EXISTS (SELECT 1 FROM alert WHERE alert.item_id = item.id)
                ORDER BY id LIMIT ?
                """,
            arguments: StatementArguments(arguments)
        )
        let segmentedFrom = try SearchText.segmentedFrom(db)
        for row in victims {
            let id: Int64 = row["id"]
            let indexed = { (text: String) in SearchText.indexed(text, rowid: id, segmentedFrom: segmentedFrom) }
            try db.execute(
                sql: "INSERT INTO item_fts (item_fts, rowid, title, text, author) VALUES ('delete', ?, ?, ?, ?)",
                arguments: [
                    id, indexed((row["title"] as String?) ?? ""), indexed((row["text"] as String?) ?? ""),
                    indexed((row["author"] as String?) ?? ""),
                ]
            )
            // Its story keys stay until their table rotates out; lookups join on
            // the item, so they no longer find anything.
            try db.execute(
                sql: "INSERT OR REPLACE INTO item_tombstone (feed_id, identity, pruned_at) VALUES (?, ?, ?)",
                arguments: [feedID, row["identity"], now.timeIntervalSince1970]
            )
            try db.execute(sql: "DELETE FROM item WHERE id = ?", arguments: [id])
            if let storyID = row["story_id"] as Int64? {
                try db.execute(sql: """
                    UPDATE story SET item_count = item_count - 1,
                        feed_count = (SELECT count(DISTINCT feed_id) FROM item WHERE story_id = ?)
                    WHERE id = ?
                    """, arguments: [storyID, storyID])
                try db.execute(sql: "DELETE FROM story WHERE id = ? AND item_count <= 0", arguments: [storyID])
            }
        }
        return victims.count
    }
}

extension Archive {
    /// Pins (or unpins) an item: retention never removes a pinned item.
    /// Returns false when there is no such item.
    @discardableResult
    public func setPinned(_ pinned: Bool, item id: Int64) throws(ArchiveError) -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE item SET pinned = ? WHERE id = ?", arguments: [pinned, id])
            return db.changesCount == 1
        }
    }
}

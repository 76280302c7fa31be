import Foundation
import GRDB
import WirewatchCore
import WirewatchDedup

extension Archive {
    /// Items archived by a version without stories (or whose signature scheme
    /// changed) join stories now, in batches, oldest first.
    func backfillStories() throws(ArchiveError) {
        while true {
            let done = try writeWithStoryKeys(now: Date()) { db, keyTables -> Bool in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, feed_id, title, text, link, first_seen_at FROM item
                    WHERE story_id IS NULL ORDER BY id LIMIT 500
                    """)
                for row in rows {
                    let item = Item(link: row["link"], title: row["title"], contentText: row["text"])
                    let entry = IngestItem(identity: "", item: item, tags: [], alertRules: [])
                    try db.execute(
                        sql: "UPDATE item SET signature = ?, content_hash = coalesce(content_hash, ?) WHERE id = ?",
                        arguments: [Data(entry.signature.encoded()), entry.contentHash, row["id"] as Int64]
                    )
                    try StoryAssigner(db: db, keyTables: keyTables).assignExisting(
                        itemID: row["id"], entry: entry, at: Date(timeIntervalSince1970: row["first_seen_at"])
                    )
                }
                return rows.count < 500
            }
            if done { return }
        }
    }
}

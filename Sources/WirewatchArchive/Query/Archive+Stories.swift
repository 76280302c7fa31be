import Foundation
import GRDB

extension Archive {
    /// Stories seen since `since` (by their latest item), newest first; with
    /// `tag`, only stories with an item carrying it.
    public func stories(since: Date? = nil, tag: String? = nil, limit: Int = 50) throws(ArchiveError) -> [StorySummary] {
        try read { db in
            var clauses: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let since {
                clauses.append("story.last_seen_at >= ?")
                arguments.append(since.timeIntervalSince1970)
            }
            if let tag {
                clauses.append("""
                    EXISTS (SELECT 1 FROM item JOIN item_tag ON item_tag.item_id = item.id
                            WHERE item.story_id = story.id AND item_tag.tag = ?)
                    """)
                arguments.append(tag)
            }
            arguments.append(limit)
            let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM story \(whereClause) ORDER BY last_seen_at DESC, id DESC LIMIT ?",
                arguments: StatementArguments(arguments)
            )
            return try rows.map { try Self.storySummary($0, db: db) }
        }
    }

    static func storySummary(_ row: Row, db: Database) throws -> StorySummary {
        let id: Int64 = row["id"]
        let sources = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT feed.name AS feed, min(item.first_seen_at) AS first_seen, count(*) AS count
                FROM item JOIN feed ON feed.id = item.feed_id
                WHERE item.story_id = ? GROUP BY feed.id ORDER BY first_seen
                """),
            arguments: [id]
        ).map {
            StorySummary.Source(
                feed: $0["feed"], firstSeen: Date(timeIntervalSince1970: $0["first_seen"]), count: $0["count"]
            )
        }
        return StorySummary(
            id: id,
            title: row["title"],
            firstSeen: Date(timeIntervalSince1970: row["first_seen_at"]),
            lastSeen: Date(timeIntervalSince1970: row["last_seen_at"]),
            itemCount: row["item_count"],
            feedCount: row["feed_count"],
            sources: sources
        )
    }
}

extension Archive {
    /// How many stories the archive holds.
    public func storyCount() throws(ArchiveError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM story") ?? 0 }
    }
}

import Foundation
import GRDB
import WirewatchCore

extension Archive {
    /// The latest `limit` alerts, oldest first.
    public func latestAlerts(limit: Int) throws(ArchiveError) -> [Alert] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM (SELECT * FROM alert ORDER BY id DESC LIMIT ?) ORDER BY id",
                arguments: [max(0, limit)]
            )
            return rows.map(Self.alert(from:))
        }
    }

    /// Alerts committed after the alert `id`, oldest first (what `tail --follow` polls).
    public func alerts(after id: Int64, limit: Int = 1000) throws(ArchiveError) -> [Alert] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM alert WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit]
            )
            return rows.map(Self.alert(from:))
        }
    }

    /// How many items the archive holds (all feeds).
    public func itemCount() throws(ArchiveError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item") ?? 0 }
    }

    static func alert(from row: Row) -> Alert {
        Alert(
            id: row["id"],
            time: Date(timeIntervalSince1970: row["created_at"]),
            rule: row["rule"],
            feed: row["feed"],
            title: row["title"],
            link: row["link"],
            itemID: row["item_id"],
            storyID: row["story_id"],
            sources: row["sources"]
        )
    }
}

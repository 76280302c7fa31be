import Foundation
import GRDB

extension Archive {
    /// One item with its revisions and its story; nil if there is no such item.
    public func item(id: Int64) throws(ArchiveError) -> ItemDetail? {
        try read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: "SELECT item.*, feed.name AS feed_name FROM item JOIN feed ON feed.id = item.feed_id WHERE item.id = ?",
                arguments: [id]
            ) else { return nil }
            var item = Self.archivedItem(row)
            item.tags = try String.fetchAll(db, sql: "SELECT tag FROM item_tag WHERE item_id = ? ORDER BY tag", arguments: [id])
            let revisions = try Row.fetchAll(
                db,
                sql: "SELECT revision, title, text, seen_at FROM item_revision WHERE item_id = ? ORDER BY revision",
                arguments: [id]
            ).map {
                ItemDetail.Revision(
                    revision: $0["revision"], title: $0["title"], text: $0["text"],
                    seenUntil: Date(timeIntervalSince1970: $0["seen_at"])
                )
            }
            var story: StorySummary?
            var storyItems: [ArchivedItem] = []
            if let storyID = item.storyID,
               let storyRow = try Row.fetchOne(db, sql: "SELECT * FROM story WHERE id = ?", arguments: [storyID]) {
                story = try Self.storySummary(storyRow, db: db)
                storyItems = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT item.*, feed.name AS feed_name FROM item JOIN feed ON feed.id = item.feed_id
                        WHERE item.story_id = ? AND item.id != ? ORDER BY item.first_seen_at LIMIT 100
                        """,
                    arguments: [storyID, id]
                ).map(Self.archivedItem)
            }
            return ItemDetail(item: item, revisions: revisions, story: story, storyItems: storyItems)
        }
    }
}

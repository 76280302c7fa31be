import GRDB
@testable import WirewatchArchive

/// Builds an archive as the first released schema wrote it.
struct DatabaseQueueForTests {
    let queue: DatabaseQueue

    init(path: String) throws {
        queue = try DatabaseQueue(path: path)
    }

    func migrateToV1AndInsertItem() throws {
        try Archive.migrator.migrate(queue, upTo: "v1: feeds, items, tags, alerts, fetch log")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO feed (id, name, url, created_at) VALUES (1, 'old', 'u', 0)")
            try db.execute(sql: """
                INSERT INTO item (feed_id, identity, title, text, first_seen_at)
                VALUES (1, 'guid:1', 'Picket at the plant', 'Workers hold a picket line at the plant gate.', 0)
                """)
        }
    }

    /// An archive at v4 (the outbox) with one alert and its delivery.
    func migrateToV4WithAnAlert() throws {
        try Archive.migrator.migrate(queue, upTo: "v4: delivery outbox")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO feed (id, name, url, created_at) VALUES (1, 'old', 'u', 0)")
            try db.execute(sql: """
                INSERT INTO item (id, feed_id, identity, title, text, first_seen_at)
                VALUES (7, 1, 'guid:1', 'Picket at the plant', 'Workers hold a picket line at the plant gate.', 0)
                """)
            try db.execute(sql: """
                INSERT INTO alert (id, created_at, rule, item_id, feed, title, link, story_id, sources)
                VALUES (3, 10, 'picket', 7, 'old', 'Picket at the plant', 'https://x.example/1', NULL, 2)
                """)
            try db.execute(sql: "INSERT INTO delivery (alert_id, sink, next_attempt_at) VALUES (3, 'phone', 0)")
        }
    }

    /// An archive at v10 whose current story-key generation is 1, with `keys`
    /// waiting in the single small table of that schema.
    func migrateToV10WithRecentKeys(_ keys: [(key: Int64, item: Int64)]) throws {
        try Archive.migrator.migrate(queue, upTo: "v10: ideographs and kana indexed as words of their own")
        try queue.write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO archive_state (name, value) VALUES ('story_keys_current', 1), ('story_keys_since', 0)
                """)
            for (key, item) in keys {
                try db.execute(sql: "INSERT INTO story_key_recent (key, item_id) VALUES (?, ?)", arguments: [key, item])
            }
        }
    }
}

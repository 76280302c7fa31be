import Foundation
import GRDB

/// The naive baseline of the research anchors: an items table plus an
/// external-content FTS5 index with default settings, written explicitly.
struct NaiveFTS {
    struct Row {
        var feed: Int
        var published: Double
        var url: String
        var title: String
        var text: String
    }

    let queue: DatabaseQueue

    init(path: String) throws {
        queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: """
                CREATE TABLE items (id INTEGER PRIMARY KEY, feed INTEGER, published REAL, url TEXT, title TEXT, text TEXT);
                CREATE INDEX items_published ON items(published);
                CREATE VIRTUAL TABLE items_fts USING fts5(title, text, content='items', content_rowid='id');
                """)
        }
    }

    /// Inserts one transaction of rows; returns the seconds spent in SQLite.
    func insert(_ rows: [Row]) throws -> Double {
        let clock = ContinuousClock.now
        try queue.inTransaction { db in
            let item = try db.cachedStatement(sql: "INSERT INTO items (feed, published, url, title, text) VALUES (?, ?, ?, ?, ?)")
            let fts = try db.cachedStatement(sql: "INSERT INTO items_fts (rowid, title, text) VALUES (?, ?, ?)")
            for row in rows {
                try item.execute(arguments: [row.feed, row.published, row.url, row.title, row.text])
                try fts.execute(arguments: [db.lastInsertedRowID, row.title, row.text])
            }
            return .commit
        }
        let elapsed = ContinuousClock.now - clock
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    func checkpoint() throws {
        try queue.writeWithoutTransaction { db in _ = try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}

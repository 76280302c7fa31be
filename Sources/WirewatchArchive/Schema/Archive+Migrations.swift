import GRDB

extension Archive {
    /// Every schema change is a new registered migration; never edit a shipped one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: feeds, items, tags, alerts, fetch log") { db in
            try db.execute(sql: """
                CREATE TABLE feed (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    url TEXT NOT NULL,
                    title TEXT,
                    link TEXT,
                    created_at REAL NOT NULL,
                    last_fetch_at REAL,
                    last_status INTEGER,
                    last_error TEXT,
                    consecutive_errors INTEGER NOT NULL DEFAULT 0,
                    etag TEXT,
                    last_modified TEXT
                );
                CREATE TABLE item (
                    id INTEGER PRIMARY KEY,
                    feed_id INTEGER NOT NULL REFERENCES feed(id),
                    identity TEXT NOT NULL,
                    guid TEXT,
                    link TEXT,
                    title TEXT NOT NULL,
                    summary TEXT,
                    content TEXT,
                    text TEXT NOT NULL,
                    author TEXT,
                    language TEXT,
                    published_at REAL,
                    updated_at REAL,
                    categories TEXT NOT NULL DEFAULT '[]',
                    enclosures TEXT NOT NULL DEFAULT '[]',
                    first_seen_at REAL NOT NULL,
                    UNIQUE (feed_id, identity)
                );
                CREATE TABLE item_tag (
                    item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                    tag TEXT NOT NULL,
                    PRIMARY KEY (item_id, tag)
                ) WITHOUT ROWID;
                CREATE INDEX item_tag_by_tag ON item_tag(tag, item_id);
                CREATE TABLE alert (
                    id INTEGER PRIMARY KEY,
                    created_at REAL NOT NULL,
                    rule TEXT NOT NULL,
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    feed TEXT NOT NULL,
                    title TEXT NOT NULL,
                    link TEXT,
                    UNIQUE (rule, item_id)
                );
                CREATE TABLE fetch_log (
                    id INTEGER PRIMARY KEY,
                    feed_id INTEGER NOT NULL REFERENCES feed(id),
                    at REAL NOT NULL,
                    status INTEGER,
                    error TEXT,
                    items INTEGER NOT NULL DEFAULT 0,
                    new_items INTEGER NOT NULL DEFAULT 0,
                    duration REAL NOT NULL DEFAULT 0
                );
                CREATE INDEX fetch_log_by_feed ON fetch_log(feed_id, at);
                """)
        }
        return migrator
    }

    /// Migrates to this build's schema, refusing an archive written by a newer Wirewatch.
    func migrate() throws(ArchiveError) {
        let migrator = Self.migrator
        do {
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw ArchiveError(
                    path: path,
                    reason: "written by a newer Wirewatch (unknown schema migrations); upgrade wirewatch to open it"
                )
            }
            try migrator.migrate(pool)
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError(path: path, reason: Self.describe(error))
        }
    }
}

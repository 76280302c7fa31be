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
                    -- 1 for a new item; the item's revision for an on_update alert.
                    revision INTEGER NOT NULL DEFAULT 1,
                    UNIQUE (rule, item_id, revision)
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
        migrator.registerMigration("v2: stories, revisions, full-text search") { db in
            try db.execute(sql: """
                CREATE TABLE story (
                    id INTEGER PRIMARY KEY,
                    title TEXT NOT NULL,
                    first_item_id INTEGER,
                    first_seen_at REAL NOT NULL,
                    last_seen_at REAL NOT NULL,
                    item_count INTEGER NOT NULL DEFAULT 0,
                    feed_count INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX story_by_last_seen ON story(last_seen_at);
                ALTER TABLE item ADD COLUMN story_id INTEGER REFERENCES story(id);
                ALTER TABLE item ADD COLUMN content_hash TEXT;
                ALTER TABLE item ADD COLUMN signature BLOB;
                ALTER TABLE item ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE item ADD COLUMN revised_at REAL;
                ALTER TABLE item ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX item_by_story ON item(story_id);
                CREATE INDEX item_by_published ON item(published_at);
                CREATE INDEX item_by_first_seen ON item(first_seen_at);
                CREATE TABLE item_revision (
                    id INTEGER PRIMARY KEY,
                    item_id INTEGER NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                    revision INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    summary TEXT,
                    content TEXT,
                    text TEXT NOT NULL,
                    seen_at REAL NOT NULL
                );
                CREATE INDEX item_revision_by_item ON item_revision(item_id, revision);
                -- Near-duplicate lookup: every signature key of recent items, so
                -- finding candidates is an index probe. Two tables take turns: keys
                -- go to the current one, lookups read both, and a rotation empties
                -- the older one, so the index holds one to two story windows of
                -- items, whatever the archive's size (see StoryKeyTables).
                CREATE TABLE story_key_0 (key INTEGER NOT NULL, item_id INTEGER NOT NULL, PRIMARY KEY (key, item_id)) WITHOUT ROWID;
                CREATE TABLE story_key_1 (key INTEGER NOT NULL, item_id INTEGER NOT NULL, PRIMARY KEY (key, item_id)) WITHOUT ROWID;
                CREATE TABLE archive_state (name TEXT PRIMARY KEY, value) WITHOUT ROWID;
                -- External-content FTS5 over the item table, written explicitly by the
                -- ingest (triggers measured 40-50% slower here). detail=column keeps
                -- which columns a word is in but not its positions: half the index and
                -- a faster ingest; phrases and NEAR are checked on the candidates by
                -- the query itself, which every search does anyway.
                CREATE VIRTUAL TABLE item_fts USING fts5(
                    title, text, author,
                    content='item', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2',
                    detail=column
                );
                INSERT INTO item_fts(item_fts) VALUES ('rebuild');
                -- Identities of pruned items, so a feed that still lists one does not
                -- bring it back as new (and alert on it again).
                CREATE TABLE item_tombstone (
                    feed_id INTEGER NOT NULL,
                    identity TEXT NOT NULL,
                    pruned_at REAL NOT NULL,
                    PRIMARY KEY (feed_id, identity)
                ) WITHOUT ROWID;
                """)
            // Items archived before stories existed join stories on the next open (see backfill).
        }
        migrator.registerMigration("v3: one alert per story, with its sources") { db in
            try db.execute(sql: """
                ALTER TABLE alert ADD COLUMN story_id INTEGER;
                ALTER TABLE alert ADD COLUMN sources INTEGER NOT NULL DEFAULT 1;
                UPDATE alert SET story_id = (SELECT story_id FROM item WHERE item.id = alert.item_id);
                CREATE INDEX alert_by_story ON alert(story_id, rule);
                -- Items of a story that matched a rule after the story's first alert:
                -- attached to that alert as further sources, not notified again.
                CREATE TABLE alert_source (
                    alert_id INTEGER NOT NULL REFERENCES alert(id),
                    item_id INTEGER NOT NULL REFERENCES item(id),
                    feed TEXT NOT NULL,
                    added_at REAL NOT NULL,
                    PRIMARY KEY (alert_id, item_id)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v4: delivery outbox") { db in
            try db.execute(sql: """
                -- One row per alert and sink, written with the alert: the outbox. A row
                -- without delivered_at is owed; gave_up after the retry policy ran out.
                CREATE TABLE delivery (
                    alert_id INTEGER NOT NULL REFERENCES alert(id),
                    sink TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at REAL NOT NULL,
                    delivered_at REAL,
                    gave_up INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    PRIMARY KEY (alert_id, sink)
                ) WITHOUT ROWID;
                CREATE INDEX delivery_owed ON delivery(next_attempt_at) WHERE delivered_at IS NULL AND gave_up = 0;
                """)
        }
        migrator.registerMigration("v5: per-feed schedule and health") { db in
            try db.execute(sql: """
                -- What the scheduler knows about each feed, so a restart resumes it
                -- (see FeedPollState): when it is next due, how it is failing, what
                -- a server asked for, and where it moved to.
                ALTER TABLE feed ADD COLUMN next_due_at REAL;
                ALTER TABLE feed ADD COLUMN health TEXT NOT NULL DEFAULT 'ok';
                ALTER TABLE feed ADD COLUMN health_detail TEXT;
                ALTER TABLE feed ADD COLUMN first_failure_at REAL;
                ALTER TABLE feed ADD COLUMN retry_after_until REAL;
                -- Set once a permanent redirect is confirmed; polls use it instead of url.
                ALTER TABLE feed ADD COLUMN current_url TEXT;
                ALTER TABLE feed ADD COLUMN redirect_candidate TEXT;
                ALTER TABLE feed ADD COLUMN redirect_first_seen REAL;
                ALTER TABLE feed ADD COLUMN redirect_count INTEGER NOT NULL DEFAULT 0;
                -- Estimated seconds between the feed's items, and when one last arrived.
                ALTER TABLE feed ADD COLUMN cadence REAL;
                ALTER TABLE feed ADD COLUMN last_new_item_at REAL;
                -- The publisher's hints from the last parsed document (a 304 has none):
                -- ttl in minutes, sy:updatePeriod in seconds, skipHours/skipDays as "1,2,3".
                ALTER TABLE feed ADD COLUMN ttl_minutes INTEGER;
                ALTER TABLE feed ADD COLUMN update_period REAL;
                ALTER TABLE feed ADD COLUMN skip_hours TEXT NOT NULL DEFAULT '';
                ALTER TABLE feed ADD COLUMN skip_days TEXT NOT NULL DEFAULT '';
                """)
        }
        migrator.registerMigration("v6: alert kinds, throttle digests, feed-health alerts") { db in
            // SQLite cannot relax NOT NULL in place: the table is rebuilt (GRDB
            // runs a migration with foreign keys off and checks them at the end).
            try db.execute(sql: """
                CREATE TABLE alert_new (
                    id INTEGER PRIMARY KEY,
                    created_at REAL NOT NULL,
                    rule TEXT NOT NULL,
                    -- NULL for a digest or a feed-health alert: no item raised it.
                    item_id INTEGER REFERENCES item(id),
                    feed TEXT NOT NULL,
                    title TEXT NOT NULL,
                    link TEXT,
                    revision INTEGER NOT NULL DEFAULT 1,
                    story_id INTEGER,
                    sources INTEGER NOT NULL DEFAULT 1,
                    -- item, digest or feed-health.
                    kind TEXT NOT NULL DEFAULT 'item',
                    -- 1: held back by the rule's throttle, to be sent in a digest.
                    folded INTEGER NOT NULL DEFAULT 0,
                    -- The digest a folded alert went out in.
                    digest_id INTEGER,
                    detail TEXT,
                    UNIQUE (rule, item_id, revision)
                );
                INSERT INTO alert_new (id, created_at, rule, item_id, feed, title, link, revision, story_id, sources)
                    SELECT id, created_at, rule, item_id, feed, title, link, revision, story_id, sources FROM alert;
                DROP TABLE alert;
                ALTER TABLE alert_new RENAME TO alert;
                CREATE INDEX alert_by_story ON alert(story_id, rule);
                -- A throttle counts the alerts its rule sent in the last hour…
                CREATE INDEX alert_sent_by_rule ON alert(rule, created_at) WHERE folded = 0 AND kind = 'item';
                -- …and a digest collects the ones it held back.
                CREATE INDEX alert_folded_pending ON alert(rule, created_at) WHERE folded = 1 AND digest_id IS NULL;
                -- Feed-health alerts raised: one per rule, feed and state episode
                -- (the state and when it began), so a restart never repeats one.
                CREATE TABLE health_alert (
                    rule TEXT NOT NULL,
                    feed TEXT NOT NULL,
                    state TEXT NOT NULL,
                    since REAL NOT NULL,
                    alert_id INTEGER NOT NULL REFERENCES alert(id),
                    PRIMARY KEY (rule, feed, state, since)
                ) WITHOUT ROWID;
                """)
        }
        // From v7 on, migrations that change no table with foreign keys run with
        // immediate checks: GRDB's default (deferred) ends each migration with a
        // PRAGMA foreign_key_check of the whole archive, a full read of a
        // multi-gigabyte file for adding an index or a setting.
        migrator.registerMigration("v7: outbox read in alert order, no index on published dates", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                -- The outbox is read oldest alert first, 200 rows a pass: over an index
                -- by due time, every pass sorted the whole backlog (measured: 186,000
                -- alerts after a first cycle were still being sent minutes later, at 7% CPU).
                DROP INDEX delivery_owed;
                CREATE INDEX delivery_owed_by_alert ON delivery(alert_id) WHERE delivered_at IS NULL AND gave_up = 0;
                -- No query reads items by published date (windows use first_seen_at);
                -- the index cost every ingest a random-order insert.
                DROP INDEX item_by_published;
                """)
        }
        migrator.registerMigration("v8: full-text index merges in larger steps", foreignKeyChecks: .immediate) { db in
            // Both settings are kept in item_fts_config, so they apply to every
            // connection and to archives made before. Measured (sqlite3, 59,000
            // archive items, 1,000 per transaction, CPU to index them): 3.8-4.0 s
            // before, 3.2 s with automerge 16, 3.0 s with both; the archive
            // benchmark at 200k items ingested 10% more per CPU-second.
            // automerge 16 (default 4): a level is merged once it holds 16
            // segments, so each posting is rewritten about half as often; a
            // search reads more segments: newest first p50 4.6 -> 5.3 ms at
            // 200k items, ranked all time p99 unchanged.
            // hashsize 2 MB (default 1 MB): the pending postings of a
            // 1,000-item transaction fit, so it writes one segment, not two.
            try db.execute(sql: """
                INSERT INTO item_fts (item_fts, rank) VALUES ('automerge', 16);
                INSERT INTO item_fts (item_fts, rank) VALUES ('hashsize', 2097152);
                """)
        }
        migrator.registerMigration("v9: story keys written to a small table first", foreignKeyChecks: .immediate) { db in
            // See StoryKeyTables: batches of keys go here and are merged into the
            // current table 16 batches at a time.
            try db.execute(sql: """
                CREATE TABLE story_key_recent (key INTEGER NOT NULL, item_id INTEGER NOT NULL, PRIMARY KEY (key, item_id)) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v10: ideographs and kana indexed as words of their own", foreignKeyChecks: .immediate) { db in
            // See SearchText: rows from here on are indexed with separated
            // ideographs; older rows keep the text they were indexed with.
            try db.execute(sql: """
                INSERT OR REPLACE INTO archive_state (name, value)
                VALUES ('fts_segmented_from', (SELECT coalesce(max(id), 0) + 1 FROM item));
                """)
        }
        migrator.registerMigration("v11: a small story-key table per generation", foreignKeyChecks: .immediate) { db in
            // See StoryKeyTables: a rotation no longer merges the small table into
            // the big one going out of turn. Its keys belonged to the current
            // generation; they move to that generation's new table.
            try db.execute(sql: """
                ALTER TABLE story_key_recent RENAME TO story_key_recent_0;
                CREATE TABLE story_key_recent_1 (key INTEGER NOT NULL, item_id INTEGER NOT NULL, PRIMARY KEY (key, item_id)) WITHOUT ROWID;
                """)
            if try StoryKeyTables.currentNumber(db) == 1 {
                try db.execute(sql: """
                    INSERT INTO story_key_recent_1 SELECT * FROM story_key_recent_0;
                    DELETE FROM story_key_recent_0;
                    """)
            }
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

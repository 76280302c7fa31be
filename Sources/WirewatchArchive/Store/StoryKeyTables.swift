import GRDB

/// The two story-key tables and which one takes new keys.
///
/// Stories are news: a copy is looked for among the items of the last weeks,
/// not of the last years. Keeping every key of every item forever made each
/// ingest slower as the archive grew (a bigger index, out of cache). Instead,
/// new keys go to the current table; when it has been current for half a
/// window, the other table is emptied and becomes current. Lookups read both,
/// so an item stays findable for between half a window and a whole one, and
/// the cost of a lookup stays flat however large the archive becomes.
///
/// Within one write transaction, new keys wait in memory and go to the table
/// sorted, at the end (`flush`): ~45 keys per item inserted in random order
/// touched ~45 random pages of a large index per item; sorted, each page is
/// touched once per transaction. Lookups read the waiting keys too.
final class StoryKeyTables {
    static let names = ["story_key_0", "story_key_1"]

    /// The table new keys go to.
    let current: String
    /// The writer's in-memory filter over both tables.
    let filter: StoryKeyFilter
    /// Keys added in this transaction, not yet in the table.
    private var pending: [Int64: [Int64]] = [:]
    private var pendingCount = 0

    init(current: String, filter: StoryKeyFilter) {
        self.current = current
        self.filter = filter
    }

    /// Reads the state, rotating first if the current table is older than half the window.
    static func prepare(_ db: Database, now: Double, window: Double, filter: StoryKeyFilter) throws -> StoryKeyTables {
        let index = try Int.fetchOne(db, sql: "SELECT value FROM archive_state WHERE name = 'story_keys_current'") ?? 0
        guard let since = try Double.fetchOne(db, sql: "SELECT value FROM archive_state WHERE name = 'story_keys_since'") else {
            try set(db, current: index, since: now)
            return StoryKeyTables(current: names[index], filter: filter)
        }
        if now - since >= window / 2 {
            let next = 1 - index
            try db.execute(sql: "DELETE FROM \(names[next])")
            try set(db, current: next, since: now)
            try rebuild(filter, db)
            return StoryKeyTables(current: names[next], filter: filter)
        }
        return StoryKeyTables(current: names[index], filter: filter)
    }

    private static func set(_ db: Database, current: Int, since: Double) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO archive_state (name, value) VALUES ('story_keys_current', ?), ('story_keys_since', ?)",
            arguments: [current, since]
        )
    }

    /// Refills the filter from both tables.
    static func rebuild(_ filter: StoryKeyFilter, _ db: Database) throws {
        let count = try names.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT count(*) FROM \($1)") ?? 0) }
        filter.reset(expecting: count)
        for name in names {
            let cursor = try Int64.fetchCursor(db, sql: "SELECT key FROM \(name)")
            var chunk: [Int64] = []
            chunk.reserveCapacity(4096)
            while let key = try cursor.next() {
                chunk.append(key)
                if chunk.count == 4096 {
                    filter.insert(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
            }
            filter.insert(chunk)
        }
    }

    /// Adds an item's keys (to the table at `flush`, to the filter now).
    func insert(_ keys: [Int64], itemID: Int64, _ db: Database) throws {
        for key in keys { pending[key, default: []].append(itemID) }
        pendingCount += keys.count
        if !filter.insert(keys) {
            try flush(db)
            try Self.rebuild(filter, db)
        }
    }

    /// Calls `body(key, itemID)` for every stored or waiting entry of `keys`.
    func lookup(_ keys: [Int64], _ db: Database, _ body: (Int64, Int64) -> Void) throws {
        for key in keys {
            for item in pending[key] ?? [] { body(key, item) }
        }
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ",")
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT key, item_id FROM story_key_0 WHERE key IN (\(placeholders))
                UNION ALL
                SELECT key, item_id FROM story_key_1 WHERE key IN (\(placeholders))
                """),
            arguments: StatementArguments(keys + keys)
        )
        while let row = try rows.next() { body(row[0], row[1]) }
    }

    /// Writes the waiting keys, sorted, 400 rows per statement.
    func flush(_ db: Database) throws {
        guard pendingCount > 0 else { return }
        var rows: [(Int64, Int64)] = []
        rows.reserveCapacity(pendingCount)
        for (key, items) in pending { for item in items { rows.append((key, item)) } }
        rows.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + 400, rows.count)]
            let values = Array(repeating: "(?, ?)", count: chunk.count).joined(separator: ",")
            var arguments: [Int64] = []
            arguments.reserveCapacity(chunk.count * 2)
            for (key, item) in chunk {
                arguments.append(key)
                arguments.append(item)
            }
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(current) (key, item_id) VALUES \(values)")
                .execute(arguments: StatementArguments(arguments))
            start += chunk.count
        }
        pending.removeAll(keepingCapacity: true)
        pendingCount = 0
    }
}

import Foundation
import GRDB
import GRDBSQLite

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
/// New keys are staged per transaction and handed to `StoryKeyIndex` after it
/// commits; the index writes them in large sorted batches (see there) to a
/// small table of the current generation, `story_key_recent_N`, merged into
/// `story_key_N` once it holds `StoryKeyIndex.mergeItems` items' keys. Why: keys
/// are uniformly spread, so each batch written straight into a big table touched
/// nearly all its pages (every leaf of a 190 MB table for 4,096 items, 0.35 s
/// of CPU at 290,000 items); a batch into the small table touches only its
/// pages, and a merge touches the big table's once for 16 batches.
///
/// Each generation has its own small table, so a rotation copies nothing: the
/// generation going out of turn keeps its keys where they are, in both its
/// tables, and the one coming in is emptied. (With one shared small table, every
/// rotation first merged it into the outgoing big table: with a 30-day window
/// and a rotation before 16 batches, every key was written twice, 7 % of the
/// archive benchmark's ingest CPU.)
///
/// A lookup reads a generation's tables only for the keys its Bloom filter lets
/// through (`StoryKeyIndex.filters`): the current generation's for keys that may
/// be new, the other's for keys that may be old.
final class StoryKeyTables {
    static let names = ["story_key_0", "story_key_1"]
    /// Each generation's small table of recently written keys.
    static let recents = ["story_key_recent_0", "story_key_recent_1"]

    /// The tables new keys go to, and their generation (0 or 1).
    let current: String
    let currentRecent: String
    let currentNumber: Int
    let index: StoryKeyIndex
    /// This transaction's connection (the object lives only as long as it).
    private let db: Database
    /// Keys of items inserted by this transaction.
    private(set) var staged: [(item: Int64, keys: [Int64])] = []
    /// The staged entries of each key, as a chain through `stagedEntries` in
    /// insertion order: ~37 keys per item, and an array per key was an
    /// allocation per key.
    private var stagedChains: [Int64: (first: Int32, last: Int32)] = [:]
    private var stagedEntries: [(item: Int64, next: Int32)] = []

    init(current: Int, index: StoryKeyIndex, db: Database) {
        self.current = Self.names[current]
        currentRecent = Self.recents[current]
        currentNumber = current
        self.index = index
        self.db = db
    }

    /// The keys a lookup looks for, by where they may be: `current` in the
    /// current generation's tables and memory; `other` in the other generation's.
    /// A key may be in both lists.
    struct Probe {
        var current: [Int64] = []
        var other: [Int64] = []
        var isEmpty: Bool { current.isEmpty && other.isEmpty }
    }

    /// The Bloom filters, filled from the tables the first time a transaction
    /// needs them: reading every key (millions in a big archive, ~2 s) is then paid
    /// only by runs that store a new item, not by a run that polls and gets 304s.
    func loadFilters() throws {
        if !index.filtersLoaded, try !Self.restoreFilter(index, db) { try Self.rebuild(index, db) }
    }

    /// Which of `keys` some earlier item may have, and where (see `Probe`).
    func probe(_ keys: [Int64]) throws -> Probe {
        try loadFilters()
        return Probe(
            current: index.filters[currentNumber].mayContain(keys),
            other: index.filters[1 - currentNumber].mayContain(keys)
        )
    }

    /// Reads the state, rotating first if the current table is older than half
    /// the window, and writes the waiting keys when there are enough of them.
    static func prepare(_ db: Database, now: Double, window: Double, index: StoryKeyIndex) throws -> StoryKeyTables {
        // Measured: without this, the filter saturated as the archive grew and let
        // most keys through to the index (35 of 44 per item at 100k items).
        let current = try currentNumber(db)
        if index.filtersLoaded {
            for number in 0..<2 where index.filters[number].isOverfull {
                try rebuild(number, current: current, index, db)
            }
        }
        // A rotation time later than now (the clock went back, or the archive
        // was opened, which stamps it, and then given items of earlier times)
        // would stop the rotation until the clock caught up, and the tables would
        // keep every key meanwhile: the half window starts again from now.
        // Measured: the archive benchmark's open stamped the wall clock and its
        // million items, dated over the 694 days before it, never rotated: one
        // table of 42 million keys, the filter at its cap letting 11 of 44 keys
        // through, story lookups 19 -> 116 µs at the median.
        guard let since = try currentSince(db), since <= now else {
            try set(db, current: current, since: now)
            return StoryKeyTables(current: current, index: index, db: db)
        }
        if now - since >= window / 2 {
            // The outgoing generation keeps its keys in both its tables; the
            // incoming one starts empty.
            let next = 1 - current
            try db.execute(sql: "DELETE FROM \(names[next]); DELETE FROM \(recents[next])")
            try db.execute(sql: "INSERT OR REPLACE INTO archive_state (name, value) VALUES ('story_keys_recent_items', 0)")
            try set(db, current: next, since: now)
            if index.filtersLoaded {
                // The outgoing generation's filter holds its keys as they are; the
                // emptied one's starts over, sized for as many keys as the
                // outgoing one took, with the keys still waiting in memory (they
                // go to the new current generation).
                let filter = index.filters[next]
                filter.reset(expecting: index.filters[current].keyCount)
                filter.insert(index.snapshot().rows.map(\.0))
            }
            return StoryKeyTables(current: next, index: index, db: db)
        }
        return StoryKeyTables(current: current, index: index, db: db)
    }

    /// The number of the table new keys go to.
    static func currentNumber(_ db: Database) throws -> Int {
        let value = try Int.fetchOne(db.cachedStatement(sql: "SELECT value FROM archive_state WHERE name = 'story_keys_current'")) ?? 0
        return value == 1 ? 1 : 0
    }

    private static func set(_ db: Database, current: Int, since: Double) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO archive_state (name, value) VALUES ('story_keys_current', ?), ('story_keys_since', ?)",
            arguments: [current, since]
        )
    }

    /// When the current table became current (nil before the first key).
    static func currentSince(_ db: Database) throws -> Double? {
        try Double.fetchOne(db.cachedStatement(sql: "SELECT value FROM archive_state WHERE name = 'story_keys_since'"))
    }

    /// The highest item id whose keys are in the tables.
    static func watermark(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM archive_state WHERE name = 'story_keys_through'")) ?? 0
    }

    /// Refills both filters from the tables and the waiting keys.
    static func rebuild(_ index: StoryKeyIndex, _ db: Database) throws {
        let current = try currentNumber(db)
        for number in 0..<2 { try rebuild(number, current: current, index, db) }
    }

    /// Refills the filter of generation `number` from its tables and, when it is
    /// the current one, from the waiting keys.
    static func rebuild(_ number: Int, current: Int, _ index: StoryKeyIndex, _ db: Database) throws {
        let filter = index.filters[number]
        let tables = [names[number], recents[number]]
        let count = try tables.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT count(*) FROM \($1)") ?? 0) }
        filter.reset(expecting: count + (number == current ? StoryKeyIndex.flushThreshold * 50 : 0))
        for name in tables {
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
        if number == current { filter.insert(index.snapshot().rows.map(\.0)) }
    }

    /// Keys of items above the watermark (stored, not yet in the tables, e.g.
    /// after a crash): recomputed from their signatures into the waiting keys.
    static func replay(_ index: StoryKeyIndex, _ db: Database) throws {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, link, signature FROM item WHERE id > ? AND signature IS NOT NULL ORDER BY id",
            arguments: [try watermark(db)]
        )
        var staged: [(item: Int64, keys: [Int64])] = []
        let filter = index.filtersLoaded ? index.filters[try currentNumber(db)] : nil
        while let row = try rows.next() {
            let blob: [UInt8] = (row["signature"] as Data?).map { [UInt8]($0) } ?? []
            let keys = StoryKeyIndex.keys(signature: blob, link: row["link"])
            filter?.insert(keys)
            staged.append((row["id"], keys))
        }
        // (Filters loaded later take the waiting keys then.)
        index.add(staged)
    }

    /// Stages an item's keys: visible to this transaction's lookups at once,
    /// to later ones once it commits (`StoryKeyIndex.add`).
    func insert(_ keys: [Int64], itemID: Int64) throws {
        staged.append((itemID, keys))
        for key in keys {
            let entry = Int32(stagedEntries.count)
            stagedEntries.append((itemID, -1))
            if let chain = stagedChains[key] {
                stagedEntries[Int(chain.last)].next = entry
                stagedChains[key] = (chain.first, entry)
            } else {
                stagedChains[key] = (entry, entry)
            }
        }
        try loadFilters()
        index.filters[currentNumber].insert(keys)
    }

    /// Calls `body(key, itemID)` for every stored, waiting or staged entry of the
    /// probe's keys: each table is read only for the keys its filter let through.
    func lookup(_ probe: Probe, _ db: Database, _ body: (Int64, Int64) -> Void) throws {
        for key in probe.current {
            var entry = stagedChains[key]?.first ?? -1
            while entry >= 0 {
                body(key, stagedEntries[Int(entry)].item)
                entry = stagedEntries[Int(entry)].next
            }
            for item in index.pendingItems(for: key) { body(key, item) }
        }
        try read(probe.current, generation: currentNumber, db, body)
        try read(probe.other, generation: 1 - currentNumber, db, body)
    }

    /// Reads the entries of `keys` in both tables of a generation.
    private func read(_ keys: [Int64], generation: Int, _ db: Database, _ body: (Int64, Int64) -> Void) throws {
        guard !keys.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ",")
        let statement = try db.cachedStatement(sql: """
            SELECT key, item_id FROM \(Self.names[generation]) WHERE key IN (\(placeholders))
            UNION ALL
            SELECT key, item_id FROM \(Self.recents[generation]) WHERE key IN (\(placeholders))
            """)
        try statement.run(binding: keys + keys, db) { row in
            body(sqlite3_column_int64(row, 0), sqlite3_column_int64(row, 1))
        }
    }

    /// The SQL that writes `rows` keys (built once per flush: it was built per statement).
    private static func insertValues(_ table: String, rows: Int) -> String {
        "INSERT OR IGNORE INTO \(table) (key, item_id) VALUES "
            + Array(repeating: "(?, ?)", count: rows).joined(separator: ",")
    }

    /// Writes every waiting key, sorted, 400 rows per statement, to the current
    /// generation's small table (merged into its big one when it has enough), and moves the
    /// watermark. Returns the item id reached, for `StoryKeyIndex.flushed` after commit.
    func flush(_ db: Database) throws -> Int64? {
        let (rows, items, through) = index.snapshot()
        guard !rows.isEmpty else { return nil }
        try write(rows, to: currentRecent, db)
        let recentItems = try (Int.fetchOne(db.cachedStatement(sql: "SELECT value FROM archive_state WHERE name = 'story_keys_recent_items'")) ?? 0) + items
        if recentItems >= index.mergeItems.load(ordering: .relaxed) {
            try Self.mergeRecent(currentRecent, into: current, db)
        } else {
            try db.execute(
                sql: "INSERT OR REPLACE INTO archive_state (name, value) VALUES ('story_keys_recent_items', ?)",
                arguments: [recentItems]
            )
        }
        try db.execute(
            sql: "INSERT OR REPLACE INTO archive_state (name, value) VALUES ('story_keys_through', ?)",
            arguments: [through]
        )
        return through
    }

    /// Moves every key of a small table into its generation's big one: one pass
    /// in key order, touching each page of the big table at most once.
    static func mergeRecent(_ recent: String, into table: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO \(table) (key, item_id) SELECT key, item_id FROM \(recent);
            DELETE FROM \(recent);
            INSERT OR REPLACE INTO archive_state (name, value) VALUES ('story_keys_recent_items', 0);
            """)
    }

    private func write(_ rows: [(Int64, Int64)], to table: String, _ db: Database) throws {
        let fullChunk = try db.cachedStatement(sql: Self.insertValues(table, rows: 400))
        var values: [Int64] = []
        values.reserveCapacity(800)
        var start = 0
        while start < rows.count {
            let end = min(start + 400, rows.count)
            let statement = end - start == 400
                ? fullChunk : try db.cachedStatement(sql: Self.insertValues(table, rows: end - start))
            values.removeAll(keepingCapacity: true)
            for (key, item) in rows[start..<end] {
                values.append(key)
                values.append(item)
            }
            try statement.run(binding: values, db)
            start = end
        }
    }
}

import Foundation
import GRDB

/// The Bloom filters saved in the archive when the daemon stops, so the next
/// start does not read every key again: rebuilding it from the tables read
/// 10 million keys (1.3 s of CPU) for a 300,000-item archive, and a `run
/// --once` from cron paid that on every run.
///
/// The saved bits hold every key of the tables as they were when it was saved.
/// They are taken only when the tables have neither gained keys since (the
/// watermark is the one saved with them) nor rotated (dropping the older
/// table's keys, which would only be false positives, but would pile up over
/// restarts); otherwise the filter is rebuilt as before. Keys waiting in memory
/// (recomputed on open above the watermark) are added on top, as a rebuild does.
///
/// The bits (up to 8 MiB per filter) are stored in 1 MiB rows, written from and
/// read into the filter's own array: one blob would have cost SQLite a buffer of
/// its own size, twice, when the daemon starts and when it stops.
///
/// Layout 2 is one filter per key table (`story_filter.N.NNNN`, blocked bits);
/// a filter saved by an earlier version (one filter, no layout row) is not
/// taken: it is rebuilt.
extension StoryKeyTables {
    private static let chunkBytes = 1 << 20
    private static let layout = 2

    /// Saves the loaded filters with the watermark and rotation they are valid for.
    static func saveFilter(_ index: StoryKeyIndex, _ db: Database) throws {
        guard index.filtersLoaded else { return }
        try dropSavedFilter(db)
        let since = try currentSince(db)
        let through = try watermark(db)
        try db.execute(
            sql: """
                INSERT INTO archive_state (name, value)
                VALUES ('story_filter_through', ?), ('story_filter_since', ?), ('story_filter_layout', ?)
                """,
            arguments: [through, since, layout]
        )
        let insert = try db.makeStatement(sql: "INSERT INTO archive_state (name, value) VALUES (?, ?)")
        for (number, filter) in index.filters.enumerated() {
            try filter.withSavedBytes { bytes, capacity, count in
                try insert.execute(arguments: ["story_filter_capacity.\(number)", capacity])
                try insert.execute(arguments: ["story_filter_count.\(number)", count])
                var offset = 0
                while offset < bytes.count {
                    let length = min(chunkBytes, bytes.count - offset)
                    // Bound in place; SQLite copies the megabyte it writes.
                    let chunk = Data(
                        bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress! + offset), count: length, deallocator: .none
                    )
                    try insert.execute(arguments: [chunkName(number, offset / chunkBytes), chunk])
                    offset += length
                }
            }
        }
    }

    /// Loads the saved filter if it is still valid; false when it must be rebuilt
    /// (a saved one that no longer matches the tables is deleted).
    static func restoreFilter(_ index: StoryKeyIndex, _ db: Database) throws -> Bool {
        if try restoreValidFilter(index, db) { return true }
        try dropSavedFilter(db)
        return false
    }

    private static func restoreValidFilter(_ index: StoryKeyIndex, _ db: Database) throws -> Bool {
        var meta: [String: DatabaseValue] = [:]
        for row in try Row.fetchAll(
            db, sql: """
                SELECT name, value FROM archive_state
                WHERE name IN ('story_filter_through', 'story_filter_since', 'story_filter_layout',
                               'story_filter_capacity.0', 'story_filter_count.0',
                               'story_filter_capacity.1', 'story_filter_count.1')
                """
        ) {
            meta[row[0]] = row[1] as DatabaseValue
        }
        let since = try currentSince(db)
        guard meta["story_filter_layout"].flatMap(Int.fromDatabaseValue) == layout,
              let through = meta["story_filter_through"].flatMap(Int64.fromDatabaseValue), through == (try watermark(db)),
              meta["story_filter_since"].flatMap(Double.fromDatabaseValue) == since
        else { return false }
        for number in 0..<2 {
            guard let capacity = meta["story_filter_capacity.\(number)"].flatMap(Int.fromDatabaseValue),
                  let count = meta["story_filter_count.\(number)"].flatMap(Int.fromDatabaseValue),
                  try restore(number, capacity: capacity, count: count, index, db)
            else {
                for filter in index.filters { filter.unload() }
                return false
            }
        }
        // The waiting keys go to the current table.
        index.filters[try currentNumber(db)].insert(index.snapshot().rows.map(\.0))
        return true
    }

    private static func restore(_ number: Int, capacity: Int, count: Int, _ index: StoryKeyIndex, _ db: Database) throws -> Bool {
        try index.filters[number].restore(capacity: capacity, count: count) { target in
            let chunks = try Row.fetchCursor(
                db, sql: "SELECT value FROM archive_state WHERE name BETWEEN ? AND ? ORDER BY name",
                arguments: ["story_filter.\(number).", "story_filter.\(number).~"]
            )
            var offset = 0
            while let row = try chunks.next() {
                // Read in place while the cursor is on the row.
                let copied = try row.withUnsafeData(atIndex: 0) { data -> Bool in
                    guard let data, !data.isEmpty, offset + data.count <= target.count else { return false }
                    data.withUnsafeBytes { target.baseAddress!.advanced(by: offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
                    offset += data.count
                    return true
                }
                if !copied { return false }
            }
            return offset == target.count
        }
    }

    /// Zero-padded, so that the rows sort in order.
    private static func chunkName(_ filter: Int, _ number: Int) -> String {
        let digits = String(number)
        return "story_filter.\(filter)." + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func dropSavedFilter(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM archive_state WHERE name LIKE 'story\\_filter%' ESCAPE '\\'")
    }
}

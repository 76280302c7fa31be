import Foundation
import GRDB
import WirewatchCore

/// The local archive: one SQLite file (WAL) with feeds, items, tags and alerts.
///
/// This type is the pipeline's one seam to storage: it takes ingest batches and
/// answers queries in Wirewatch's own value types. SQLite and GRDB stay behind it.
/// The daemon writes through one pool writer while `tail` and other readers read
/// concurrently (WAL).
public final class Archive: Sendable {
    /// The archive file's absolute path.
    public let path: String
    let pool: DatabasePool
    /// How far back, in seconds, a new item's copies are looked for (see StoryKeyTables).
    public let storyWindow: Double
    /// The writer's memory of the story keys (see StoryKeyIndex).
    let storyKeys = StoryKeyIndex()

    /// Default story window: 30 days.
    public static let defaultStoryWindow: Double = 30 * 86_400

    /// Opens (creating when needed) and migrates the archive at `path`.
    public init(path: String, storyWindow: Double = Archive.defaultStoryWindow) throws(ArchiveError) {
        self.path = path
        self.storyWindow = storyWindow
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw ArchiveError(path: path, reason: "cannot create folder \(directory): \(error.localizedDescription)")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw ArchiveError(path: path, reason: Self.describe(error))
        }
        try migrate()
        let storyKeys = self.storyKeys
        try write { db in
            // The Bloom filter is filled when a transaction first needs it.
            try StoryKeyTables.replay(storyKeys, db)
        }
        try backfillStories()
    }

    /// Opens an existing archive without creating or migrating it (for readers).
    public init(existingAt path: String) throws(ArchiveError) {
        self.path = path
        storyWindow = Self.defaultStoryWindow
        guard FileManager.default.fileExists(atPath: path) else {
            throw ArchiveError(path: path, reason: "no archive here yet (run `wirewatch run` first)")
        }
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
        } catch {
            throw ArchiveError(path: path, reason: Self.describe(error))
        }
        try migrate()
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        // Readers (tail, search) and the daemon's writer share the file: wait for a
        // lock rather than surface "database is locked" to a user.
        configuration.busyMode = .timeout(10)
        // Reads are short and never nest: a reader per core serves the daemon's
        // polls, and each reader more kept its own page cache (up to 2 MB) alive.
        configuration.maximumReaderCount = max(2, ProcessInfo.processInfo.activeProcessorCount)
        configuration.prepareDatabase { db in
            if !db.configuration.readonly {
                // 8 KB pages hold two ~2 KB items where 4 KB pages held one: measured
                // 14% smaller archives. Both take effect only when the file is created.
                try db.execute(sql: "PRAGMA page_size = 8192")
                // Pruned space goes back to the file system in small steps (see prune).
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                // The writer touches the FTS segments, the story-key index and the
                // item table on every ingest: with SQLite's 2 MB default it re-read
                // pages from the OS all the time (measured: most of the ingest time).
                // 8 MB ingested 200k items with the same CPU as 32 MB (55.0 s and
                // 58.4 s) and 18 MB less resident memory, which the daemon needs more.
                try db.execute(sql: "PRAGMA cache_size = -8192")
                // A checkpoint every 8,000 pages (64 MB of WAL) instead of 1,000: the
                // pages the ingest rewrites in every commit (the FTS segments being
                // merged, the recent story keys, the tails of the item indexes) are
                // copied back to the database once per checkpoint, not once per
                // eight. Measured with the lede-band change (6 interleaved runs of
                // 60k items): 5,416 → 6,046 items per CPU-second, medians.
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 8000")
            }
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        return configuration
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        return "\(error)"
    }

    /// Runs a read inside the pool, mapping failures to `ArchiveError`.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw ArchiveError(path: path, reason: Self.describe(error))
        }
    }

    /// Runs a write transaction, mapping failures to `ArchiveError`.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(ArchiveError) -> T {
        do {
            return try pool.write(body)
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw ArchiveError(path: path, reason: Self.describe(error))
        }
    }
}

import Foundation
import GRDB

extension Archive {
    /// Makes sure every configured feed has a row, updating its URL if it changed
    /// in the config (which clears its scheduler state: a gone or moved feed is
    /// polled again at the new URL). A feed renamed in the config (a new name, the
    /// URL of an archived feed no longer configured) keeps its row: its items,
    /// schedule and validators, so nothing is fetched and stored twice. Returns the
    /// archive's feed ids by name.
    public func registerFeeds(_ feeds: [(name: String, url: String)]) throws(ArchiveError) -> [String: Int64] {
        let now = Date().timeIntervalSince1970
        return try write { db in
            var ids: [String: Int64] = [:]
            try Self.renameMovedFeeds(feeds, db)
            for feed in feeds {
                // Cached statements: a config of 10,000 feeds compiled 30,000 at start-up.
                try db.cachedStatement(sql: """
                    UPDATE feed SET \(Self.resetColumns) WHERE name = ? AND url <> ?
                    """).execute(arguments: [feed.name, feed.url])
                try db.cachedStatement(sql: """
                    INSERT INTO feed (name, url, created_at) VALUES (?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET url = excluded.url
                    """).execute(arguments: [feed.name, feed.url, now])
                ids[feed.name] = try Int64.fetchOne(
                    db.cachedStatement(sql: "SELECT id FROM feed WHERE name = ?"), arguments: [feed.name]
                )
            }
            return ids
        }
    }

    /// Gives an archived feed its new name when the config lists its URL under a
    /// name the archive does not know and its old name is gone from the config.
    private static func renameMovedFeeds(_ feeds: [(name: String, url: String)], _ db: Database) throws {
        var archived: [String: Int64] = [:]  // name → id
        var byURL: [String: [String]] = [:]  // url → names
        for row in try Row.fetchAll(db, sql: "SELECT id, name, url FROM feed") {
            archived[row["name"]] = row["id"]
            byURL[row["url"], default: []].append(row["name"])
        }
        let configured = Set(feeds.map(\.name))
        for feed in feeds where archived[feed.name] == nil {
            guard let old = byURL[feed.url]?.first(where: { !configured.contains($0) && archived[$0] != nil }),
                  let id = archived[old]
            else { continue }
            try db.execute(sql: "UPDATE feed SET name = ? WHERE id = ?", arguments: [feed.name, id])
            archived[old] = nil
            archived[feed.name] = id
        }
    }

    /// Records the outcome of one poll of a feed: the fetch log row and the
    /// feed's last-fetch state.
    public func recordFetch(_ fetch: FetchRecord) throws(ArchiveError) {
        try write { db in try Self.writeFetch(fetch, db) }
    }

    /// A poll's fetch log row and the feed's new schedule and health, in one
    /// transaction: the daemon's per-poll write (two commits were a measurable
    /// share of a 304's cost, and each waited for the writer).
    public func recordPoll(_ fetch: FetchRecord, state: FeedPollState) throws(ArchiveError) {
        try write { db in
            try Self.writeFetch(fetch, db)
            try Self.writePollState(state, feedID: fetch.feedID, db)
        }
    }

    static func writeFetch(_ fetch: FetchRecord, _ db: Database) throws {
        // Cached statements: compiling them (with GRDB's authorizer) was most of
        // the archive's share of a 304.
        try db.cachedStatement(sql: """
                INSERT INTO fetch_log (feed_id, at, status, error, items, new_items, duration)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(
                arguments: [
                    fetch.feedID, fetch.at.timeIntervalSince1970, fetch.status, fetch.error,
                    fetch.items, fetch.newItems, fetch.duration,
                ]
            )
            try db.cachedStatement(sql: """
                    UPDATE feed SET
                        last_fetch_at = ?, last_status = ?, last_error = ?,
                        consecutive_errors = CASE WHEN ? IS NULL THEN 0 ELSE consecutive_errors + 1 END,
                        etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
                        title = COALESCE(?, title), link = COALESCE(?, link)
                    WHERE id = ?
                    """).execute(
                arguments: [
                    fetch.at.timeIntervalSince1970, fetch.status, fetch.error, fetch.error,
                    fetch.etag, fetch.lastModified, fetch.title, fetch.link, fetch.feedID,
                ]
            )
    }
}

/// The outcome of one poll, as the archive keeps it.
public struct FetchRecord: Sendable {
    public var feedID: Int64
    public var at: Date
    /// HTTP status (200 for files), nil when no response came.
    public var status: Int?
    /// One line, nil on success.
    public var error: String?
    public var items: Int
    public var newItems: Int
    public var duration: Double
    public var etag: String?
    public var lastModified: String?
    public var title: String?
    public var link: String?

    public init(
        feedID: Int64, at: Date, status: Int?, error: String?, items: Int = 0, newItems: Int = 0,
        duration: Double = 0, etag: String? = nil, lastModified: String? = nil,
        title: String? = nil, link: String? = nil
    ) {
        self.feedID = feedID
        self.at = at
        self.status = status
        self.error = error
        self.items = items
        self.newItems = newItems
        self.duration = duration
        self.etag = etag
        self.lastModified = lastModified
        self.title = title
        self.link = link
    }
}

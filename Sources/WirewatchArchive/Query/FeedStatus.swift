import Foundation
import GRDB
import WirewatchCore

/// One feed as `wirewatch status` shows it.
public struct FeedStatus: Sendable {
    public var name: String
    public var url: String
    public var title: String?
    public var lastFetch: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var consecutiveErrors: Int
    /// The server gave an ETag or Last-Modified, so polls are conditional.
    public var conditional: Bool
    public var items: Int
    public var newLastDay: Int
    /// Failing, gone or moved, with `healthDetail` saying why or where.
    public var health: FeedHealth = .ok
    public var healthDetail: String?
    /// When the daemon will poll it next; nil before its first poll (due at once) and when gone.
    public var nextDue: Date?
    /// The URL polled since a confirmed permanent redirect.
    public var currentURL: String?
    /// A server's Retry-After still running.
    public var retryAfterUntil: Date?
    public var firstFailureAt: Date?
}

extension Archive {
    /// Every feed the archive knows, by name.
    public func feedStatuses(now: Date = Date()) throws(ArchiveError) -> [FeedStatus] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT feed.*,
                    (SELECT count(*) FROM item WHERE item.feed_id = feed.id) AS items,
                    (SELECT count(*) FROM item WHERE item.feed_id = feed.id AND item.first_seen_at >= ?) AS new_last_day
                FROM feed ORDER BY name
                """, arguments: [now.timeIntervalSince1970 - 86_400])
            return rows.map { row in
                let last: Double? = row["last_fetch_at"]
                let etag: String? = row["etag"]
                let modified: String? = row["last_modified"]
                var status = FeedStatus(
                    name: row["name"], url: row["url"], title: row["title"],
                    lastFetch: last.map { Date(timeIntervalSince1970: $0) }, lastStatus: row["last_status"],
                    lastError: row["last_error"], consecutiveErrors: row["consecutive_errors"],
                    conditional: etag != nil || modified != nil, items: row["items"], newLastDay: row["new_last_day"]
                )
                let date = { (column: String) in (row[column] as Double?).map { Date(timeIntervalSince1970: $0) } }
                status.health = FeedHealth(rawValue: row["health"] ?? "ok") ?? .ok
                status.healthDetail = row["health_detail"]
                status.nextDue = date("next_due_at")
                status.currentURL = row["current_url"]
                status.retryAfterUntil = date("retry_after_until")
                status.firstFailureAt = date("first_failure_at")
                return status
            }
        }
    }
}

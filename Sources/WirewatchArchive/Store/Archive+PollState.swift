import Foundation
import GRDB
import WirewatchCore

extension Archive {
    /// Every feed's scheduler state, by feed name.
    public func pollStates() throws(ArchiveError) -> [String: FeedPollState] {
        try read { db in
            var states: [String: FeedPollState] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM feed") {
                states[row["name"]] = Self.pollState(row)
            }
            return states
        }
    }

    /// One feed's scheduler state; a fresh one for an unknown id.
    public func pollState(feedID: Int64) throws(ArchiveError) -> FeedPollState {
        try read { db in
            // Cached: compiling `SELECT *` ran GRDB's authorizer once per column, on every poll.
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM feed WHERE id = ?"), arguments: [feedID]).map(Self.pollState)
                ?? FeedPollState()
        }
    }

    public func savePollState(_ state: FeedPollState, feedID: Int64) throws(ArchiveError) {
        try write { db in try Self.writePollState(state, feedID: feedID, db) }
    }

    static func writePollState(_ state: FeedPollState, feedID: Int64, _ db: Database) throws {
        try db.cachedStatement(
                sql: """
                    UPDATE feed SET
                        health = ?, health_detail = ?, next_due_at = ?, consecutive_errors = ?,
                        first_failure_at = ?, retry_after_until = ?, current_url = ?,
                        redirect_candidate = ?, redirect_first_seen = ?, redirect_count = ?,
                        cadence = ?, last_new_item_at = ?,
                        ttl_minutes = ?, update_period = ?, skip_hours = ?, skip_days = ?
                    WHERE id = ?
                    """
            ).execute(
                arguments: [
                    state.health.rawValue, state.detail, state.nextDue?.timeIntervalSince1970, state.consecutiveErrors,
                    state.firstFailureAt?.timeIntervalSince1970, state.retryAfterUntil?.timeIntervalSince1970,
                    state.currentURL, state.redirectCandidate, state.redirectFirstSeen?.timeIntervalSince1970,
                    state.redirectCount, state.cadence, state.lastNewItemAt?.timeIntervalSince1970,
                    state.ttlMinutes, state.updatePeriod, Self.list(state.skipHours), Self.list(state.skipDays), feedID,
                ]
            )
    }

    /// Clears a feed's health, backoff, Retry-After and moved URL (`wirewatch
    /// enable`): it is polled at its config URL on the daemon's next start or
    /// reload. False when no feed has that name.
    public func resetPollState(feed name: String) throws(ArchiveError) -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE feed SET \(Self.resetColumns) WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// A config URL change starts the feed over: the old URL's 410, move,
    /// backoff and learnt cadence say nothing about the new one.
    static let resetColumns = """
        health = 'ok', health_detail = NULL, next_due_at = NULL, consecutive_errors = 0,
        first_failure_at = NULL, retry_after_until = NULL, current_url = NULL,
        redirect_candidate = NULL, redirect_first_seen = NULL, redirect_count = 0,
        cadence = NULL, last_new_item_at = NULL,
        ttl_minutes = NULL, update_period = NULL, skip_hours = '', skip_days = ''
        """

    static func list(_ numbers: [Int]) -> String { numbers.map(String.init).joined(separator: ",") }

    static func numbers(_ list: String?) -> [Int] {
        (list ?? "").split(separator: ",").compactMap { Int($0) }
    }

    private static func pollState(_ row: Row) -> FeedPollState {
        func date(_ column: String) -> Date? {
            (row[column] as Double?).map { Date(timeIntervalSince1970: $0) }
        }
        var state = FeedPollState()
        state.health = FeedHealth(rawValue: row["health"] ?? "ok") ?? .ok
        state.detail = row["health_detail"]
        state.nextDue = date("next_due_at")
        state.consecutiveErrors = row["consecutive_errors"] ?? 0
        state.firstFailureAt = date("first_failure_at")
        state.retryAfterUntil = date("retry_after_until")
        state.currentURL = row["current_url"]
        state.redirectCandidate = row["redirect_candidate"]
        state.redirectFirstSeen = date("redirect_first_seen")
        state.redirectCount = row["redirect_count"] ?? 0
        state.cadence = row["cadence"]
        state.lastNewItemAt = date("last_new_item_at")
        state.ttlMinutes = row["ttl_minutes"]
        state.updatePeriod = row["update_period"]
        state.skipHours = numbers(row["skip_hours"])
        state.skipDays = numbers(row["skip_days"])
        state.lastFetchAt = date("last_fetch_at")
        state.etag = row["etag"]
        state.lastModified = row["last_modified"]
        return state
    }
}

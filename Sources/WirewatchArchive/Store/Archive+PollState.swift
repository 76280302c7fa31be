import Foundation
import GRDB
import WirewatchCore

extension Archive {
    /// Every feed's scheduler state, by feed name.
    public func pollStates() throws(ArchiveError) -> [String: FeedPollState] {
        try read { db in
            var states: [String: FeedPollState] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT \(Self.pollStateColumns), name FROM feed") {
                states[row[Self.pollStateColumnCount]] = Self.pollState(row)
            }
            return states
        }
    }

    /// One feed's scheduler state; a fresh one for an unknown id.
    public func pollState(feedID: Int64) throws(ArchiveError) -> FeedPollState {
        try read { db in
            // Cached: compiling the statement ran GRDB's authorizer once per column, on every poll.
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT \(Self.pollStateColumns) FROM feed WHERE id = ?"), arguments: [feedID]
            ).map(Self.pollState) ?? FeedPollState()
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

    /// The columns `pollState(_:)` reads, in its order: read by position, because
    /// looking 19 columns up by name cost more than the query (every poll reads one).
    private static let pollStateColumns = """
        health, health_detail, next_due_at, consecutive_errors, first_failure_at, retry_after_until,
        current_url, redirect_candidate, redirect_first_seen, redirect_count, cadence, last_new_item_at,
        ttl_minutes, update_period, skip_hours, skip_days, last_fetch_at, etag, last_modified
        """
    private static let pollStateColumnCount = pollStateColumns.split(separator: ",").count

    private static func pollState(_ row: Row) -> FeedPollState {
        func date(_ index: Int) -> Date? {
            (row[index] as Double?).map { Date(timeIntervalSince1970: $0) }
        }
        var state = FeedPollState()
        state.health = FeedHealth(rawValue: row[0] ?? "ok") ?? .ok
        state.detail = row[1]
        state.nextDue = date(2)
        state.consecutiveErrors = row[3] ?? 0
        state.firstFailureAt = date(4)
        state.retryAfterUntil = date(5)
        state.currentURL = row[6]
        state.redirectCandidate = row[7]
        state.redirectFirstSeen = date(8)
        state.redirectCount = row[9] ?? 0
        state.cadence = row[10]
        state.lastNewItemAt = date(11)
        state.ttlMinutes = row[12]
        state.updatePeriod = row[13]
        state.skipHours = numbers(row[14])
        state.skipDays = numbers(row[15])
        state.lastFetchAt = date(16)
        state.etag = row[17]
        state.lastModified = row[18]
        return state
    }
}

import Foundation
import GRDB

extension Archive {
    /// When each feed was last fetched (by name), so the schedule survives restarts.
    public func lastFetchTimes() throws(ArchiveError) -> [String: Date] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT name, last_fetch_at FROM feed WHERE last_fetch_at IS NOT NULL")
            var times: [String: Date] = [:]
            for row in rows {
                times[row["name"]] = Date(timeIntervalSince1970: row["last_fetch_at"])
            }
            return times
        }
    }
}

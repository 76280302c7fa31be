import Foundation
import GRDB
import WirewatchCore

/// One alert owed to one sink.
public struct OwedDelivery: Sendable {
    public var alert: Alert
    public var sink: String
    /// Attempts made so far.
    public var attempts: Int
}

extension Archive {
    /// The outbox rows of a new alert, one per sink, written in the alert's own
    /// transaction (so an alert is never stored without what it owes). `due` nil:
    /// at once, whatever clock the caller's time came from.
    static func queueDeliveries(alert: Int64, sinks: [String], due: Date?, _ db: Database) throws {
        guard !sinks.isEmpty else { return }
        let statement = try db.cachedStatement(sql: "INSERT INTO delivery (alert_id, sink, next_attempt_at) VALUES (?, ?, ?)")
        for sink in sinks {
            try statement.execute(arguments: [alert, sink, due?.timeIntervalSince1970 ?? 0])
        }
    }

    /// Deliveries due at `now`, oldest alert first: what the daemon's outbox sends
    /// (after a restart too: the rows were committed with the alerts).
    public func owedDeliveries(now: Date = Date(), limit: Int = 200) throws(ArchiveError) -> [OwedDelivery] {
        try read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT alert.*, delivery.sink AS delivery_sink, delivery.attempts AS delivery_attempts
                FROM delivery INDEXED BY delivery_owed_by_alert JOIN alert ON alert.id = delivery.alert_id
                WHERE delivery.delivered_at IS NULL AND delivery.gave_up = 0 AND delivery.next_attempt_at <= ?
                ORDER BY delivery.alert_id LIMIT ?
                """), arguments: [now.timeIntervalSince1970, limit])
            return rows.map { OwedDelivery(alert: Self.alert(from: $0), sink: $0["delivery_sink"], attempts: $0["delivery_attempts"]) }
        }
    }

    /// Holds a delivery until `until` without counting an attempt (quiet hours).
    public func deferDelivery(alert: Int64, sink: String, until: Date) throws(ArchiveError) {
        try write { db in
            try db.execute(
                sql: "UPDATE delivery SET next_attempt_at = ? WHERE alert_id = ? AND sink = ?",
                arguments: [until.timeIntervalSince1970, alert, sink]
            )
        }
    }

    /// Records successful deliveries in one transaction (local sinks, whose
    /// deliveries cost less than a commit each).
    public func recordDelivered(_ deliveries: [(alert: Int64, sink: String)], at now: Date = Date()) throws(ArchiveError) {
        guard !deliveries.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(
                sql: "UPDATE delivery SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE alert_id = ? AND sink = ?"
            )
            for delivery in deliveries {
                try statement.execute(arguments: [now.timeIntervalSince1970, delivery.alert, delivery.sink])
            }
        }
    }

    /// Records a delivery attempt: delivered, or failed with the next attempt's
    /// time (nil = give up: the error is permanent or the attempts ran out).
    public func recordDelivery(
        alert: Int64, sink: String, delivered: Bool, error: String? = nil, retryAt: Date? = nil, at now: Date = Date()
    ) throws(ArchiveError) {
        try write { db in
            if delivered {
                // Cached: one statement compiled per delivery was a large share of an alert's cost.
                try db.cachedStatement(
                    sql: "UPDATE delivery SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE alert_id = ? AND sink = ?"
                ).execute(arguments: [now.timeIntervalSince1970, alert, sink])
            } else {
                try db.execute(
                    sql: """
                        UPDATE delivery SET attempts = attempts + 1, last_error = ?,
                            next_attempt_at = coalesce(?, next_attempt_at), gave_up = ?
                        WHERE alert_id = ? AND sink = ?
                        """,
                    arguments: [error, retryAt?.timeIntervalSince1970, retryAt == nil, alert, sink]
                )
            }
        }
    }
}

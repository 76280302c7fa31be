import GRDB

extension Archive {
    /// Deliveries per sink and state, with their failed attempts: one grouped scan of the
    /// outbox, cheap enough for every metrics scrape (the table grows by one row per alert
    /// and sink, not per item).
    public func deliveryCounts() throws(ArchiveError) -> [DeliveryCount] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT sink,
                    CASE WHEN delivered_at IS NOT NULL THEN 'delivered' WHEN gave_up THEN 'given_up' ELSE 'owed' END AS state,
                    count(*) AS n,
                    sum(CASE WHEN delivered_at IS NOT NULL THEN attempts - 1 ELSE attempts END) AS failed
                FROM delivery GROUP BY 1, 2 ORDER BY 1, 2
                """)
            return rows.compactMap { row in
                guard let state = DeliveryCount.State(rawValue: row["state"]) else { return nil }
                return DeliveryCount(sink: row["sink"], state: state, count: row["n"], failedAttempts: row["failed"] ?? 0)
            }
        }
    }
}

import Foundation
import GRDB
import WirewatchCore

extension Archive {
    /// What a rule's `throttle` counts: alerts sent in the last hour.
    public static let throttleWindow: TimeInterval = 3600
    /// Alerts listed one by one in a digest's detail; the rest are counted.
    static let digestLines = 30

    /// Folds what throttles held back into digests: for each rule whose oldest
    /// held-back alert is an hour old, one `digest` alert listing them, with its
    /// deliveries (to the rule's sinks) committed in the same transaction.
    /// Returns the digests made. The daemon calls it on its timer.
    public func makeDigests(now: Date = Date(), sinksByRule: [String: [String]]) throws(ArchiveError) -> [Alert] {
        // Called every few seconds: a read settles the usual "nothing due".
        guard try !read({ db in try Self.dueRules(db, now: now) }).isEmpty else { return [] }
        return try write { db in
            try Self.dueRules(db, now: now).map { rule in
                try Self.makeDigest(rule: rule, db: db, now: now, sinks: sinksByRule[rule] ?? [])
            }
        }
    }

    private static func dueRules(_ db: Database, now: Date) throws -> [String] {
        // Cached: the daemon asks on every tick (once a second).
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT rule FROM alert INDEXED BY alert_folded_pending
            WHERE folded = 1 AND digest_id IS NULL
            GROUP BY rule HAVING min(created_at) <= ?
            """), arguments: [now.timeIntervalSince1970 - throttleWindow])
    }

    private static func makeDigest(rule: String, db: Database, now: Date, sinks: [String]) throws -> Alert {
        let held = try Row.fetchAll(db, sql: """
            SELECT id, feed, title, link FROM alert
            WHERE rule = ? AND folded = 1 AND digest_id IS NULL ORDER BY id
            """, arguments: [rule])
        let feeds = Array(Set(held.map { $0["feed"] as String })).sorted()
        let feed = feeds.count == 1 ? feeds[0] : "\(feeds.count) feeds"
        let title = "\(held.count) more alert\(held.count == 1 ? "" : "s") for \(rule), held back by its throttle"
        var lines = held.prefix(digestLines).map { row -> String in
            var line = "- " + (row["title"] as String) + " (" + (row["feed"] as String) + ")"
            if let link = row["link"] as String?, !link.isEmpty { line += " " + link }
            return line
        }
        if held.count > digestLines { lines.append("… and \(held.count - digestLines) more: wirewatch tail --folded --rule \(rule)") }
        let detail = lines.joined(separator: "\n")
        try db.execute(sql: """
            INSERT INTO alert (created_at, rule, item_id, feed, title, link, revision, story_id, sources, kind, detail)
            VALUES (?, ?, NULL, ?, ?, NULL, 1, NULL, ?, 'digest', ?)
            """, arguments: [now.timeIntervalSince1970, rule, feed, title, held.count, detail])
        let digestID = db.lastInsertedRowID
        try db.execute(
            sql: "UPDATE alert SET digest_id = ? WHERE rule = ? AND folded = 1 AND digest_id IS NULL AND id <= ?",
            arguments: [digestID, rule, held.last?["id"] as Int64? ?? 0]
        )
        try queueDeliveries(alert: digestID, sinks: sinks, due: nil, db)
        return Alert(
            id: digestID, time: now, rule: rule, feed: feed, title: title, link: nil, itemID: 0,
            sources: held.count, kind: .digest, detail: detail
        )
    }
}

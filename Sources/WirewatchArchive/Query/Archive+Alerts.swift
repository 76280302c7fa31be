import Foundation
import GRDB
import WirewatchCore

extension Archive {
    /// The latest `limit` alerts, oldest first.
    public func latestAlerts(limit: Int, filter: AlertFilter = .init()) throws(ArchiveError) -> [Alert] {
        let (clause, values) = filter.sql
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT * FROM (SELECT * FROM alert WHERE 1\(clause) ORDER BY id DESC LIMIT ?) ORDER BY id",
                arguments: Self.arguments(values + [max(0, limit)])
            )
            return rows.map(Self.alert(from:))
        }
    }

    /// Alerts committed after the alert `id`, oldest first (what `tail --follow` polls).
    public func alerts(after id: Int64, limit: Int = 1000, filter: AlertFilter = .init()) throws(ArchiveError) -> [Alert] {
        let (clause, values) = filter.sql
        return try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM alert WHERE id > ?\(clause) ORDER BY id LIMIT ?",
                arguments: Self.arguments([id] + values + [limit])
            )
            return rows.map(Self.alert(from:))
        }
    }

    static func arguments(_ values: [(any Sendable & Encodable)?]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case let text as String: text
            case let number as Int: number
            case let number as Int64: number
            case let number as Double: number
            default: nil
            }
        })
    }

    /// How many items the archive holds (all feeds).
    public func itemCount() throws(ArchiveError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item") ?? 0 }
    }

    static func alert(from row: Row) -> Alert {
        Alert(
            id: row["id"],
            time: Date(timeIntervalSince1970: row["created_at"]),
            rule: row["rule"],
            feed: row["feed"],
            title: row["title"],
            link: row["link"],
            itemID: (row["item_id"] as Int64?) ?? 0,
            storyID: row["story_id"],
            sources: row["sources"],
            kind: Alert.Kind(rawValue: row["kind"] ?? "item") ?? .item,
            detail: row["detail"]
        )
    }
}

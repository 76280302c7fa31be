import Foundation
import GRDB
import WirewatchCore

/// A feed-health event as an alert rule sees it: the feed entered `state`
/// (failing, gone, moved, recovered) at `since`.
public struct HealthEvent: Sendable, Hashable {
    public var feed: String
    /// "failing", "gone", "moved" or "recovered".
    public var state: String
    /// When the state began: the episode's key, so each is alerted once.
    public var since: Date
    /// One line: "failing for 6 h: HTTP 503", "gone (HTTP 410)", "moved to …".
    public var title: String
    public var detail: String?
    /// The feed's URL (the new one for a move).
    public var link: String?

    public init(feed: String, state: String, since: Date, title: String, detail: String? = nil, link: String? = nil) {
        self.feed = feed
        self.state = state
        self.since = since
        self.title = title
        self.detail = detail
        self.link = link
    }
}

extension Archive {
    /// Raises `rule`'s alert for a feed-health event, with its deliveries, once:
    /// nil when this rule already alerted for this feed, state and episode.
    public func raiseHealthAlert(
        rule: String, event: HealthEvent, sinks: [String], at now: Date = Date()
    ) throws(ArchiveError) -> Alert? {
        try write { db in
            let seen = try Bool.fetchOne(db, sql: """
                SELECT 1 FROM health_alert WHERE rule = ? AND feed = ? AND state = ? AND since = ?
                """, arguments: [rule, event.feed, event.state, event.since.timeIntervalSince1970]) ?? false
            if seen { return nil }
            try db.execute(sql: """
                INSERT INTO alert (created_at, rule, item_id, feed, title, link, revision, kind, detail)
                VALUES (?, ?, NULL, ?, ?, ?, 1, 'feed-health', ?)
                """, arguments: [now.timeIntervalSince1970, rule, event.feed, event.title, event.link, event.detail])
            let id = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO health_alert (rule, feed, state, since, alert_id) VALUES (?, ?, ?, ?, ?)
                """, arguments: [rule, event.feed, event.state, event.since.timeIntervalSince1970, id])
            try Self.queueDeliveries(alert: id, sinks: sinks, due: now, db)
            return Alert(
                id: id, time: now, rule: rule, feed: event.feed, title: event.title, link: event.link,
                itemID: 0, kind: .feedHealth, detail: event.detail
            )
        }
    }

    /// Whether `rule` alerted for the feed's episode in `state` that began at `since`
    /// (a recovery is reported only to rules that reported the failure).
    public func hasHealthAlert(rule: String, feed: String, state: String, since: Date) throws(ArchiveError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT 1 FROM health_alert WHERE rule = ? AND feed = ? AND state = ? AND since = ?
                """, arguments: [rule, feed, state, since.timeIntervalSince1970]) ?? false
        }
    }
}

import Foundation
import GRDB
import WirewatchCore

/// The work of one ingest transaction, item by item.
struct IngestWriter {
    /// Revisions kept per item; past this, edits still update the item but the
    /// oldest text is no longer multiplied (feeds with volatile bodies).
    static let maxRevisions = 25

    let db: Database
    let feedID: Int64
    let feedName: String
    let time: Date
    let keyTables: StoryKeyTables
    /// The transaction's full-text writes, applied at its end (see SearchIndexWrites).
    let search: SearchIndexWrites
    var sinksByRule: [String: [String]] = [:]
    var storyRules: StoryRuleEvaluator?
    var throttles: [String: Int] = [:]
    /// Identities the polled document lists (`IngestBatch.listed`).
    var listed: Set<String> = []
    var result = IngestResult(newItems: 0, alerts: [])
    /// Whether retention left tombstones for this feed (see isPruned); nothing in
    /// this transaction adds any.
    private var feedHasTombstones: Bool?

    init(
        db: Database, feedID: Int64, feedName: String, time: Date, keyTables: StoryKeyTables, search: SearchIndexWrites
    ) {
        self.db = db
        self.feedID = feedID
        self.feedName = feedName
        self.time = time
        self.keyTables = keyTables
        self.search = search
    }

    mutating func ingest(_ entry: IngestItem) throws {
        if let stored = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(Self.storedColumns) FROM item WHERE feed_id = ? AND identity = ?"),
            arguments: [feedID, entry.identity]
        ) {
            try seenAgain(entry, stored: stored)
        } else if try !isPruned(entry.identity) {
            if let stored = try sameArticleUnderOldID(entry) {
                try db.cachedStatement(sql: "UPDATE item SET identity = ? WHERE id = ?")
                    .execute(arguments: [entry.identity, stored["id"]])
            } else {
                try insertNew(entry)
            }
        }
    }

    /// What `seenAgain` reads of a stored item.
    private static let storedColumns = "id, content_hash, title, summary, content, text, author, revision"

    /// Some publishing systems mint a new guid (or Atom id) for every fetch. An
    /// item under an unknown id, with the article link and the very title and
    /// text of an item this feed delivered before, under an id the document no
    /// longer lists, is that item: it takes the new id instead of being archived
    /// again on every poll. (It would not alert again either way: the same link
    /// is the same story.) An edit at the same time is a new item of that story.
    private func sameArticleUnderOldID(_ entry: IngestItem) throws -> Row? {
        guard entry.identity.hasPrefix("guid:"), let linkKey = entry.linkKey else { return nil }
        let probe = try keyTables.probe([linkKey])
        guard !probe.isEmpty else { return nil }
        var sameLink: [Int64] = []
        try keyTables.lookup(probe, db) { _, item in sameLink.append(item) }
        guard !sameLink.isEmpty else { return nil }
        let placeholders = Array(repeating: "?", count: sameLink.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT \(Self.storedColumns), identity FROM item
                WHERE id IN (\(placeholders)) AND feed_id = ? AND content_hash = ?
                """),
            arguments: StatementArguments(sameLink.map(\.databaseValue) + [feedID.databaseValue, entry.contentHash.databaseValue])
        )
        return rows.first { !listed.contains($0["identity"]) }
    }

    /// Retention removed this item earlier; the feed still lists it.
    private mutating func isPruned(_ identity: String) throws -> Bool {
        // Most feeds have no tombstone: one probe per batch instead of one per new item.
        if feedHasTombstones == nil {
            feedHasTombstones = try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM item_tombstone WHERE feed_id = ? LIMIT 1"), arguments: [feedID]
            ) ?? false
        }
        guard feedHasTombstones == true else { return false }
        return try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM item_tombstone WHERE feed_id = ? AND identity = ?"),
            arguments: [feedID, identity]
        ) ?? false
    }

    /// A new item: find its story first, so the (large) item row is written once.
    private mutating func insertNew(_ entry: IngestItem) throws {
        let item = entry.item
        let started = DispatchTime.now().uptimeNanoseconds
        let stories = StoryAssigner(db: db, keyTables: keyTables)
        let story = try stories.story(for: entry, at: time)
        try db.cachedStatement(sql: """
            INSERT INTO item (feed_id, identity, guid, link, title, summary, content, text, author,
                              language, published_at, updated_at, categories, enclosures, first_seen_at,
                              content_hash, signature, story_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                feedID, entry.identity, item.guid, item.link, item.title, item.summary, item.content,
                item.bodyText, item.author, item.language,
                item.published?.timeIntervalSince1970, item.updated?.timeIntervalSince1970,
                Archive.json(item.categories), Archive.json(item.enclosures), time.timeIntervalSince1970,
                entry.contentHash, Data(entry.signature.encoded()), story.id,
            ])
        let itemID = db.lastInsertedRowID
        try stories.joined(itemID: itemID, story: story, entry: entry, at: time)
        result.storyLookupNanoseconds.append(DispatchTime.now().uptimeNanoseconds - started)
        result.newItems += 1
        search.insert(rowid: itemID, title: item.title, text: item.bodyText, author: item.author)
        let tagStatement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO item_tag (item_id, tag) VALUES (?, ?)")
        for tag in entry.tags { try tagStatement.execute(arguments: [itemID, tag]) }
        try raise(entry.alertRules, itemID: itemID, item: item, storyID: story.id, eachSource: entry.eachSourceRules)
        if let storyRules {
            // A story rule fires once per story (raise attaches later items as sources).
            let facts = StoryFacts(storyID: story.id, feeds: try storyFeeds(story.id))
            try raise(storyRules(entry, facts), itemID: itemID, item: item, storyID: story.id)
        }
    }

    /// The outlets carrying a story, first first.
    private func storyFeeds(_ storyID: Int64) throws -> [String] {
        try Archive.storyFeeds(db, story: storyID)
    }

    /// The feed delivered this item before: keep a revision if the outlet edited it.
    private mutating func seenAgain(_ entry: IngestItem, stored row: Row) throws {
        let storedHash: String? = row["content_hash"]
        // A different stored hash means an edit; no stored hash (an archive from
        // before revisions) just records the current one.
        guard storedHash != entry.contentHash else { return }
        let itemID: Int64 = row["id"]
        let item = entry.item
        if storedHash != nil {
            let revision: Int = row["revision"]
            if revision < Self.maxRevisions {
                try db.cachedStatement(sql: """
                    INSERT INTO item_revision (item_id, revision, title, summary, content, text, seen_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [
                        itemID, revision, row["title"], row["summary"], row["content"], row["text"],
                        time.timeIntervalSince1970,
                    ])
            }
            search.delete(rowid: itemID, title: row["title"], text: row["text"], author: row["author"])
            search.insert(rowid: itemID, title: item.title, text: item.bodyText, author: item.author)
            result.updatedItems += 1
        }
        try db.cachedStatement(sql: """
            UPDATE item SET title = ?, summary = ?, content = ?, text = ?, author = ?, updated_at = ?,
                content_hash = ?, signature = ?,
                revision = revision + CASE WHEN ? THEN 1 ELSE 0 END,
                revised_at = CASE WHEN ? THEN ? ELSE revised_at END
            WHERE id = ?
            """).execute(arguments: [
                item.title, item.summary, item.content, item.bodyText, item.author,
                item.updated?.timeIntervalSince1970, entry.contentHash, Data(entry.signature.encoded()),
                storedHash != nil, storedHash != nil, time.timeIntervalSince1970, itemID,
            ])
        if storedHash != nil {
            let revision: Int = row["revision"]
            let storyID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT story_id FROM item WHERE id = ?"), arguments: [itemID])
            try raise(entry.updateAlertRules, itemID: itemID, item: item, storyID: storyID, revision: revision + 1)
        }
    }

    /// Raises the alerts of an item: one per story and rule. A new item of a story
    /// that already alerted for a rule is attached to that alert as a further
    /// source, without a new notification, unless the rule wants each source.
    private mutating func raise(
        _ rules: [String], itemID: Int64, item: Item, storyID: Int64?, revision: Int = 1, eachSource: [String] = []
    ) throws {
        guard !rules.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO alert (created_at, rule, item_id, feed, title, link, revision, story_id, folded)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (rule, item_id, revision) DO NOTHING
            """)
        for rule in rules {
            if revision == 1, let storyID, !eachSource.contains(rule),
               let alertID = try Int64.fetchOne(
                   db.cachedStatement(sql: "SELECT id FROM alert WHERE story_id = ? AND rule = ? ORDER BY id LIMIT 1"),
                   arguments: [storyID, rule]
               ) {
                try db.cachedStatement(sql: """
                    INSERT OR IGNORE INTO alert_source (alert_id, item_id, feed, added_at) VALUES (?, ?, ?, ?)
                    """).execute(arguments: [alertID, itemID, feedName, time.timeIntervalSince1970])
                // `sources` counts outlets: an outlet that carries the story again
                // (a new guid for the same article, a second edition) adds an item
                // to the alert, not a source.
                if db.changesCount == 1 {
                    try db.cachedStatement(sql: """
                        UPDATE alert SET sources = sources + 1
                        WHERE id = ? AND feed != ?
                          AND NOT EXISTS (SELECT 1 FROM alert_source WHERE alert_id = ? AND feed = ? AND item_id != ?)
                        """).execute(arguments: [alertID, feedName, alertID, feedName, itemID])
                    if db.changesCount == 1 { result.attachedSources += 1 }
                }
                continue
            }
            let folded = try overThrottle(rule)
            try statement.execute(arguments: [
                time.timeIntervalSince1970, rule, itemID, feedName, item.headline, item.link, revision, storyID, folded,
            ])
            guard db.changesCount == 1 else { continue }
            let alertID = db.lastInsertedRowID
            if folded {
                result.foldedAlerts += 1
                continue
            }
            try Archive.queueDeliveries(alert: alertID, sinks: sinksByRule[rule] ?? [], due: time, db)
            result.alerts.append(Alert(
                id: alertID, time: time, rule: rule, feed: feedName,
                title: item.headline, link: item.link, itemID: itemID, storyID: storyID
            ))
        }
    }

    /// Whether the rule has sent as many alerts in the last hour as its throttle allows.
    private func overThrottle(_ rule: String) throws -> Bool {
        guard let limit = throttles[rule] else { return false }
        let sent = try Int.fetchOne(
            db.cachedStatement(sql: """
                SELECT count(*) FROM alert INDEXED BY alert_sent_by_rule
                WHERE rule = ? AND created_at > ? AND folded = 0 AND kind = 'item'
                """),
            arguments: [rule, time.timeIntervalSince1970 - Archive.throttleWindow]
        ) ?? 0
        return sent >= limit
    }
}

import Foundation
import GRDB
import WirewatchDedup

/// Joins a newly archived item to a story: the story of an archived item with the
/// same canonical link, or of the most similar near-duplicate, or a new story.
///
/// Candidates come from the persisted `story_key` tables (one index probe per
/// signature key that a table's filter lets through), so the cost of a lookup
/// does not grow with the archive; each candidate is then verified on its
/// stored signature.
struct StoryAssigner {
    /// Candidates verified at most, most keys shared first.
    static let maxCandidates = 24

    let db: Database
    let keyTables: StoryKeyTables

    /// The story a new item belongs to, or a new story for it. Runs before the
    /// item is inserted, so the item row is written once, with its story.
    func story(for entry: IngestItem, at time: Date, excluding itemID: Int64 = 0) throws -> (id: Int64, isNew: Bool) {
        if let storyID = try bestStory(for: entry, keys: entry.storyKeys, linkKey: entry.linkKey, itemID: itemID) {
            return (storyID, false)
        }
        return (try newStory(title: entry.item.headline, at: time), true)
    }

    /// Records that the inserted item `itemID` joined `story`, and indexes its keys.
    func joined(itemID: Int64, story: (id: Int64, isNew: Bool), entry: IngestItem, at time: Date) throws {
        if story.isNew {
            try db.cachedStatement(sql: "UPDATE story SET first_item_id = ? WHERE id = ?").execute(arguments: [itemID, story.id])
        } else {
            try db.cachedStatement(sql: """
                UPDATE story SET
                    item_count = item_count + 1,
                    last_seen_at = max(last_seen_at, ?),
                    feed_count = (SELECT count(DISTINCT feed_id) FROM item WHERE story_id = ?)
                WHERE id = ?
                """).execute(arguments: [time.timeIntervalSince1970, story.id, story.id])
        }
        try keyTables.insert(entry.storyKeys, itemID: itemID)
    }

    /// For an item already in the archive without a story (older archives).
    func assignExisting(itemID: Int64, entry: IngestItem, at time: Date) throws {
        let story = try story(for: entry, at: time, excluding: itemID)
        try db.cachedStatement(sql: "UPDATE item SET story_id = ? WHERE id = ?").execute(arguments: [story.id, itemID])
        try joined(itemID: itemID, story: story, entry: entry, at: time)
    }

    private func bestStory(for entry: IngestItem, keys allKeys: [Int64], linkKey: Int64?, itemID: Int64) throws -> Int64? {
        // Only keys some earlier item may have are worth an index probe, and
        // only in the tables that may have them.
        let keys = try keyTables.probe(allKeys)
        guard !keys.isEmpty else { return nil }
        var hits: [Int64: Int] = [:]
        var sameLink: Int64?
        try keyTables.lookup(keys, db) { key, item in
            guard item != itemID else { return }
            hits[item, default: 0] += 1
            if key == linkKey { sameLink = item }
        }
        guard !hits.isEmpty else { return nil }
        // The same canonical link is the same story, at once.
        if let sameLink, let storyID = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT story_id FROM item WHERE id = ?"), arguments: [sameLink]
        ) {
            return storyID
        }
        let top = hits.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
            .prefix(Self.maxCandidates).map(\.key)
        let placeholders = Array(repeating: "?", count: top.count).joined(separator: ",")
        // Columns read by position: by name, GRDB folds every name's case per row.
        let candidates = try Row.fetchCursor(
            db.cachedStatement(sql: """
                SELECT story_id, signature FROM item WHERE id IN (\(placeholders)) AND story_id IS NOT NULL
                """),
            arguments: StatementArguments(top)
        )
        var best: (story: Int64, score: Double)?
        while let candidate = try candidates.next() {
            guard let blob = candidate[1] as Data?,
                  let signature = StorySignature(encoded: [UInt8](blob)),
                  let match = entry.signature.sameStory(as: signature)
            else { continue }
            if best == nil || match.score > best!.score {
                best = (candidate[0], match.score)
            }
        }
        return best?.story
    }

    private func newStory(title: String, at time: Date) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO story (title, first_seen_at, last_seen_at, item_count, feed_count)
            VALUES (?, ?, ?, 1, 1)
            """).execute(arguments: [title, time.timeIntervalSince1970, time.timeIntervalSince1970])
        return db.lastInsertedRowID
    }
}

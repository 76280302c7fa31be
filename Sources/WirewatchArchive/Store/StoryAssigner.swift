import Foundation
import GRDB
import WirewatchDedup

/// Joins a newly archived item to a story: the story of an archived item with the
/// same canonical link, or of the most similar near-duplicate, or a new story.
///
/// Candidates come from the persisted `story_key` table (one index probe per
/// signature key), so the cost of a lookup does not grow with the archive; each
/// candidate is then verified on its stored signature.
struct StoryAssigner {
    /// Candidates verified at most, most keys shared first.
    static let maxCandidates = 24

    let db: Database

    mutating func assign(itemID: Int64, feedID: Int64, entry: IngestItem, at time: Date) throws {
        var keys = entry.signature.lookupKeys
        var linkKey: Int64?
        if let link = entry.canonicalLink {
            linkKey = StorySignature.linkKey(canonicalLink: link)
            keys.append(linkKey!)
        }
        let storyID = try bestStory(for: entry, keys: keys, linkKey: linkKey, itemID: itemID)
            ?? newStory(title: entry.item.title, itemID: itemID, at: time)
        try db.cachedStatement(sql: "UPDATE item SET story_id = ? WHERE id = ?").execute(arguments: [storyID, itemID])
        try db.cachedStatement(sql: """
            UPDATE story SET
                item_count = item_count + 1,
                last_seen_at = max(last_seen_at, ?),
                feed_count = (SELECT count(DISTINCT feed_id) FROM item WHERE story_id = ?)
            WHERE id = ?
            """).execute(arguments: [time.timeIntervalSince1970, storyID, storyID])
        let insertKey = try db.cachedStatement(sql: "INSERT OR IGNORE INTO story_key (key, item_id) VALUES (?, ?)")
        for key in Set(keys) { try insertKey.execute(arguments: [key, itemID]) }
    }

    private func bestStory(for entry: IngestItem, keys: [Int64], linkKey: Int64?, itemID: Int64) throws -> Int64? {
        guard !keys.isEmpty else { return nil }
        // The same canonical link is the same story, at once.
        if let linkKey, let storyID = try Int64.fetchOne(
            db.cachedStatement(sql: """
                SELECT item.story_id FROM story_key JOIN item ON item.id = story_key.item_id
                WHERE story_key.key = ? AND item.story_id IS NOT NULL LIMIT 1
                """),
            arguments: [linkKey]
        ) {
            return storyID
        }
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ",")
        let candidates = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT item.id, item.story_id, item.signature, hits FROM (
                    SELECT item_id, count(*) AS hits FROM story_key
                    WHERE key IN (\(placeholders)) AND item_id != ?
                    GROUP BY item_id ORDER BY hits DESC, item_id DESC LIMIT \(Self.maxCandidates)
                ) AS candidate JOIN item ON item.id = candidate.item_id
                WHERE item.story_id IS NOT NULL
                """),
            arguments: StatementArguments(keys + [itemID])
        )
        var best: (story: Int64, score: Double)?
        for candidate in candidates {
            guard let blob = candidate["signature"] as Data?,
                  let signature = StorySignature(encoded: [UInt8](blob)),
                  let match = entry.signature.sameStory(as: signature)
            else { continue }
            if best == nil || match.score > best!.score {
                best = (candidate["story_id"], match.score)
            }
        }
        return best?.story
    }

    private func newStory(title: String, itemID: Int64, at time: Date) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO story (title, first_item_id, first_seen_at, last_seen_at, item_count, feed_count)
            VALUES (?, ?, ?, ?, 0, 0)
            """).execute(arguments: [title, itemID, time.timeIntervalSince1970, time.timeIntervalSince1970])
        return db.lastInsertedRowID
    }
}

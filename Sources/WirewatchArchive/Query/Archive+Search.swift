import Foundation
import GRDB
import WirewatchCore

extension Archive {
    /// Searches the archive: newest first by default, by BM25 relevance when
    /// `ranked`. Candidates come from the FTS5 index (or a newest-first scan when
    /// the condition gives the index nothing to check) and must pass `filter`.
    public func search(_ request: SearchRequest) throws(ArchiveError) -> [SearchHit] {
        let expression = FTS5Expression.make(request.condition)
        return try read { db in
            var query = SearchSQL(request: request, expression: expression)
            query.lowestID = try request.since.map { try Self.lowestItemID(db, since: $0) } ?? nil
            var accepted: [(item: ArchivedItem, score: Double?)] = []
            var offset = 0
            // Page through candidates (ids and scores only: ranking must not read
            // every matching row) until enough pass the dates and the exact check.
            let page = max(request.limit * 4, 50)
            while accepted.count < request.limit {
                let candidates = try Row.fetchAll(db, sql: query.sql, arguments: query.arguments(limit: page, offset: offset))
                let items = try Self.items(db, ids: candidates.map { $0["id"] })
                for candidate in candidates {
                    guard var item = items[candidate["id"]] else { continue }
                    if let since = request.since, item.date < since { continue }
                    if let until = request.until, item.date > until { continue }
                    item.tags = try String.fetchAll(
                        db.cachedStatement(sql: "SELECT tag FROM item_tag WHERE item_id = ? ORDER BY tag"),
                        arguments: [item.id]
                    )
                    if request.includesStoryFeeds, let story = item.storyID {
                        item.storyFeeds = try Self.storyFeeds(db, story: story)
                    }
                    if let filter = request.filter, !filter(item) { continue }
                    accepted.append((item, candidate["score"]))
                    if accepted.count == request.limit { break }
                }
                if candidates.count < page { break }
                offset += page
            }
            let snippets = try expression.map { try Self.snippets(db, expression: $0, ids: accepted.map(\.item.id)) } ?? [:]
            return accepted.map { SearchHit(item: $0.item, snippet: snippets[$0.item.id] ?? Self.lead($0.item.text), score: $0.score) }
        }
    }

    /// The outlets carrying a story, first first.
    static func storyFeeds(_ db: Database, story: Int64) throws -> [String] {
        try String.fetchAll(
            db.cachedStatement(sql: """
                SELECT feed.name FROM item JOIN feed ON feed.id = item.feed_id
                WHERE item.story_id = ? GROUP BY feed.id ORDER BY min(item.id)
                """),
            arguments: [story]
        )
    }

    /// Whole rows of the given items, by id.
    static func items(_ db: Database, ids: [Int64]) throws -> [Int64: ArchivedItem] {
        guard !ids.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            db,
            sql: "SELECT item.*, feed.name AS feed_name FROM item JOIN feed ON feed.id = item.feed_id WHERE item.id IN (\(placeholders))",
            arguments: StatementArguments(ids)
        )
        return Dictionary(rows.map { (row: Row) in (row["id"] as Int64, archivedItem(row)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Highlighted snippets, computed only for the results shown.
    static func snippets(_ db: Database, expression: String, ids: [Int64]) throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT rowid, snippet(item_fts, -1, char(2), char(3), '…', 16) AS snip FROM item_fts
                WHERE item_fts MATCH ? AND rowid IN (\(placeholders))
                """,
            arguments: StatementArguments([expression as any DatabaseValueConvertible] + ids.map { $0 as any DatabaseValueConvertible })
        )
        return Dictionary(rows.map { (row: Row) in (row["rowid"] as Int64, row["snip"] as String) }, uniquingKeysWith: { first, _ in first })
    }

    /// The lowest item id that can have been published at or after `since`.
    /// Ids follow arrival order and nothing arrives before it is published, so
    /// this bounds the index scan (with a day of slack for clock skew). The
    /// planner scans the whole table for `min(id)` unless told to use the index.
    static func lowestItemID(_ db: Database, since: Date) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: "SELECT min(id) FROM item INDEXED BY item_by_first_seen WHERE first_seen_at >= ?",
            arguments: [since.timeIntervalSince1970 - 86_400]
        ) ?? Int64.max
    }

    static func archivedItem(_ row: Row) -> ArchivedItem {
        let published: Double? = row["published_at"]
        let updated: Double? = row["updated_at"]
        return ArchivedItem(
            id: row["id"],
            feed: row["feed_name"],
            title: row["title"],
            link: row["link"],
            author: row["author"],
            guid: row["guid"],
            text: row["text"],
            summary: row["summary"],
            content: row["content"],
            language: row["language"],
            published: published.map { Date(timeIntervalSince1970: $0) },
            updated: updated.map { Date(timeIntervalSince1970: $0) },
            firstSeen: Date(timeIntervalSince1970: row["first_seen_at"]),
            storyID: row["story_id"],
            revision: row["revision"],
            tags: [],
            categories: decodeStrings(row["categories"])
        )
    }

    static func decodeStrings(_ json: String?) -> [String] {
        guard let json, let data = json.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }

    /// The first ~30 words, for results that have no index snippet.
    static func lead(_ text: String) -> String {
        let words = text.split(separator: " ", maxSplits: 30, omittingEmptySubsequences: true)
        return words.prefix(30).joined(separator: " ") + (words.count > 30 ? "…" : "")
    }
}

/// The candidate query of one search: ids (and BM25 scores) in result order,
/// with the filters SQL does cheaply. Dates and the query itself are checked on
/// the rows afterwards.
struct SearchSQL {
    let request: SearchRequest
    let expression: String?
    var lowestID: Int64?

    var sql: String {
        var clauses: [String] = []
        var joins = ""
        if !request.feeds.isEmpty {
            joins = " JOIN item ON item.id = \(idColumn) JOIN feed ON feed.id = item.feed_id"
            clauses.append("feed.name IN (" + Array(repeating: "?", count: request.feeds.count).joined(separator: ",") + ")")
        }
        for _ in request.tags {
            clauses.append("EXISTS (SELECT 1 FROM item_tag WHERE item_tag.item_id = \(idColumn) AND item_tag.tag = ?)")
        }
        let select: String
        let order: String
        if expression != nil {
            select = "SELECT item_fts.rowid AS id, bm25(item_fts, 4.0, 1.0, 2.0) AS score FROM item_fts" + joins
            clauses.insert("item_fts MATCH ?", at: 0)
            if lowestID != nil { clauses.insert("item_fts.rowid >= ?", at: 1) }
            order = request.ranked ? "ORDER BY score" : "ORDER BY item_fts.rowid DESC"
        } else {
            select = "SELECT item.id AS id FROM item" + (request.feeds.isEmpty ? "" : " JOIN feed ON feed.id = item.feed_id")
            if lowestID != nil { clauses.insert("item.id >= ?", at: 0) }
            order = "ORDER BY item.id DESC"
        }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return select + whereClause + " " + order + " LIMIT ? OFFSET ?"
    }

    var idColumn: String { expression != nil ? "item_fts.rowid" : "item.id" }

    func arguments(limit: Int, offset: Int) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = []
        if let expression { values.append(expression) }
        if let lowestID { values.append(lowestID) }
        values += request.feeds.map { $0 as (any DatabaseValueConvertible)? }
        values += request.tags.map { $0 as (any DatabaseValueConvertible)? }
        values += [limit, offset]
        return StatementArguments(values)
    }
}

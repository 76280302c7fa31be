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
            var hits: [SearchHit] = []
            var offset = 0
            // Page through candidates until enough pass the exact check.
            let page = max(request.limit * 4, 50)
            while hits.count < request.limit {
                let rows = try Row.fetchAll(db, sql: query.sql, arguments: query.arguments(limit: page, offset: offset))
                for row in rows {
                    var item = Self.archivedItem(row)
                    item.tags = try String.fetchAll(
                        db.cachedStatement(sql: "SELECT tag FROM item_tag WHERE item_id = ? ORDER BY tag"),
                        arguments: [item.id]
                    )
                    if let filter = request.filter, !filter(item) { continue }
                    let snippet: String? = row["snip"]
                    hits.append(SearchHit(item: item, snippet: snippet ?? Self.lead(item.text), score: row["score"]))
                    if hits.count == request.limit { break }
                }
                if rows.count < page { break }
                offset += page
            }
            return hits
        }
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

/// The SQL of one search, built once per request.
struct SearchSQL {
    let request: SearchRequest
    let expression: String?
    var lowestID: Int64?

    var sql: String {
        var clauses: [String] = []
        let select: String
        let order: String
        if expression != nil {
            select = """
                SELECT item.*, feed.name AS feed_name,
                       snippet(item_fts, -1, char(2), char(3), '…', 16) AS snip, bm25(item_fts, 4.0, 1.0, 2.0) AS score
                FROM item_fts JOIN item ON item.id = item_fts.rowid JOIN feed ON feed.id = item.feed_id
                """
            clauses.append("item_fts MATCH ?")
            if lowestID != nil { clauses.append("item_fts.rowid >= ?") }
            order = request.ranked ? "ORDER BY score" : "ORDER BY item_fts.rowid DESC"
        } else {
            select = "SELECT item.*, feed.name AS feed_name FROM item JOIN feed ON feed.id = item.feed_id"
            if lowestID != nil { clauses.append("item.id >= ?") }
            order = "ORDER BY item.id DESC"
        }
        if request.since != nil { clauses.append("coalesce(item.published_at, item.updated_at, item.first_seen_at) >= ?") }
        if request.until != nil { clauses.append("coalesce(item.published_at, item.updated_at, item.first_seen_at) <= ?") }
        if !request.feeds.isEmpty {
            clauses.append("feed.name IN (" + Array(repeating: "?", count: request.feeds.count).joined(separator: ",") + ")")
        }
        for _ in request.tags {
            clauses.append("EXISTS (SELECT 1 FROM item_tag WHERE item_tag.item_id = item.id AND item_tag.tag = ?)")
        }
        let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
        return select + whereClause + " " + order + " LIMIT ? OFFSET ?"
    }

    func arguments(limit: Int, offset: Int) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = []
        if let expression { values.append(expression) }
        if let lowestID { values.append(lowestID) }
        if let since = request.since { values.append(since.timeIntervalSince1970) }
        if let until = request.until { values.append(until.timeIntervalSince1970) }
        values += request.feeds.map { $0 as (any DatabaseValueConvertible)? }
        values += request.tags.map { $0 as (any DatabaseValueConvertible)? }
        values += [limit, offset]
        return StatementArguments(values)
    }
}

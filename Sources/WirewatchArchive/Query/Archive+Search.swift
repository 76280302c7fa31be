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
            var accepted: [(item: ArchivedItem, score: Double?, snippet: String?)] = []
            var offset = 0
            // Newest first, the index stops after `page` matches and the next page
            // starts below the last id seen, so small pages cost little: the first
            // asks for exactly what is shown, later ones (the filter rejected some)
            // grow. Ranked, every page is a BM25 pass over all the matches: one
            // page of a few times the limit, then all the rest at once.
            var page = request.ranked ? max(request.limit * 4, 50) : request.limit
            // Newest first, the first page (usually the only one) brings its
            // snippets and scores: a second pass would set the expression up again
            // (a prefix is expanded over the whole index each time).
            query.withSnippets = !request.ranked
            search: while accepted.count < request.limit {
                let candidates = try Row.fetchAll(db, sql: query.sql, arguments: query.arguments(limit: page, offset: offset))
                // Whole rows are read a chunk at a time: only as many as can still be shown.
                var next = 0
                while next < candidates.count {
                    let chunk = candidates[next..<min(candidates.count, next + max(request.limit - accepted.count, 1))]
                    next = chunk.endIndex
                    let items = try Self.items(db, ids: chunk.map { $0["id"] })
                    for candidate in chunk {
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
                        accepted.append((item, candidate["score"], candidate["snip"]))
                        if accepted.count == request.limit { break search }
                    }
                }
                if page < 0 || candidates.count < page { break }
                if request.ranked {
                    offset += page
                    page = -1  // SQLite: no limit
                } else {
                    query.belowID = candidates.last?["id"]
                    query.withSnippets = false
                    page = min(page * 4, 2_000)
                }
            }
            guard let expression else {
                return accepted.map { SearchHit(item: $0.item, snippet: Self.lead($0.item.text), score: nil) }
            }
            let missing = accepted.filter { $0.snippet == nil }.map(\.item.id)
            let shown = try Self.snippets(db, expression: expression, ids: missing, scores: !request.ranked)
            return accepted.map {
                SearchHit(
                    item: $0.item,
                    snippet: $0.snippet ?? shown[$0.item.id]?.snippet ?? Self.lead($0.item.text),
                    score: $0.score ?? shown[$0.item.id]?.score
                )
            }
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

    /// Whole items (every column `archivedItem` reads, not the identity,
    /// signature and bookkeeping ones), by id: the fields `archivedItem(_:)` fills.
    static func items(_ db: Database, ids: [Int64]) throws -> [Int64: ArchivedItem] {
        guard !ids.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        // Read by position straight off the statement: a cursor copies no row,
        // and positions need no name lookups (1M, 2,082 candidates of a phrase
        // that the filter rejects: 17 µs per item before, 9 after).
        var items: [Int64: ArchivedItem] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT item.id, feed.name, item.title, item.link, item.author, item.guid, item.text, item.summary,
                item.content, item.language, item.published_at, item.updated_at, item.first_seen_at, item.story_id,
                item.revision, item.categories
                FROM item JOIN feed ON feed.id = item.feed_id WHERE item.id IN (\(placeholders))
                """,
            arguments: StatementArguments(ids)
        )
        while let row = try rows.next() {
            let published: Double? = row[10]
            let updated: Double? = row[11]
            let item = ArchivedItem(
                id: row[0], feed: row[1], title: row[2], link: row[3], author: row[4], guid: row[5], text: row[6],
                summary: row[7], content: row[8], language: row[9],
                published: published.map { Date(timeIntervalSince1970: $0) },
                updated: updated.map { Date(timeIntervalSince1970: $0) },
                firstSeen: Date(timeIntervalSince1970: row[12]),
                storyID: row[13], revision: row[14], tags: [], categories: decodeStrings(row[15])
            )
            items[item.id] = item
        }
        return items
    }

    /// Highlighted snippets (and, when `scores`, BM25 scores), computed only for
    /// the results shown. One pass over the index between the lowest and the
    /// highest id shown, with the ids checked outside the index: FTS5 answers
    /// `rowid IN (...)` one id at a time, re-running the whole expression for
    /// each (20 prefix expansions over the whole index for `deport*`), while the
    /// range costs no more than the candidate query, which already read it.
    static func snippets(_ db: Database, expression: String, ids: [Int64], scores: Bool) throws -> [Int64: (snippet: String, score: Double?)] {
        guard let lowest = ids.min(), let highest = ids.max() else { return [:] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let score = scores ? SearchSQL.bm25 : "NULL"
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT rowid, \(SearchSQL.snippet) AS snip, \(score) AS score FROM item_fts
                WHERE item_fts MATCH ? AND rowid >= ? AND rowid <= ? AND +rowid IN (\(placeholders))
                """,
            arguments: StatementArguments([expression, lowest, highest] as [any DatabaseValueConvertible] + ids.map { $0 as any DatabaseValueConvertible })
        )
        return Dictionary(
            rows.map { (row: Row) in (row["rowid"] as Int64, (row["snip"] as String, row["score"] as Double?)) },
            uniquingKeysWith: { first, _ in first }
        )
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
        // Most items have none: no decoder for the column's default.
        guard let json, json != "[]", let data = json.data(using: .utf8) else { return [] }
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
    /// Newest first, after the first page: the next page starts below this id.
    var belowID: Int64?
    /// Also select each candidate's snippet and BM25 score.
    var withSnippets = false

    static let bm25 = "bm25(item_fts, 4.0, 1.0, 2.0)"
    static let snippet = "snippet(item_fts, -1, char(2), char(3), '…', 16)"

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
        // The id bounds go to FTS5 as rowid constraints, so the index itself
        // starts and stops there. Newest first selects BM25 (and snippets) on
        // the first page only: BM25's first call in a statement counts every
        // match of each term over the whole index, so later pages read ids and
        // the hits they bring are scored with their snippets at the end.
        let bounds = [lowestID.map { _ in "\(idColumn) >= ?" }, belowID.map { _ in "\(idColumn) < ?" }].compactMap { $0 }
        if expression != nil {
            let score = request.ranked || withSnippets ? ", \(Self.bm25) AS score" : ""
            let snippet = withSnippets ? ", \(Self.snippet) AS snip" : ""
            select = "SELECT item_fts.rowid AS id\(score)\(snippet) FROM item_fts" + joins
            clauses.insert(contentsOf: ["item_fts MATCH ?"] + bounds, at: 0)
            // Ranked pages are two passes: equal scores need one order in both (id, as FTS5 yields them).
            order = request.ranked ? "ORDER BY score, item_fts.rowid" : "ORDER BY item_fts.rowid DESC"
        } else {
            select = "SELECT item.id AS id FROM item" + (request.feeds.isEmpty ? "" : " JOIN feed ON feed.id = item.feed_id")
            clauses.insert(contentsOf: bounds, at: 0)
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
        if let belowID { values.append(belowID) }
        values += request.feeds.map { $0 as (any DatabaseValueConvertible)? }
        values += request.tags.map { $0 as (any DatabaseValueConvertible)? }
        values += [limit, offset]
        return StatementArguments(values)
    }
}

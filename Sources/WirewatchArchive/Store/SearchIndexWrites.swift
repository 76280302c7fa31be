import GRDB

/// The full-text index writes of one ingest transaction, applied at its end in
/// rowid order.
///
/// FTS5 keeps new postings in memory and writes them out as one segment, but
/// it must write them out early whenever a row arrives with a rowid not above
/// the previous one (`sqlite3Fts5IndexBeginWrite`). An edited item is deleted
/// and re-indexed under its old, lower rowid, so each edit among the new items
/// cut the transaction's postings into one more small segment, and FTS5 then
/// merged those segments again: measured, the 2% of edits in the archive
/// benchmark cost more CPU than indexing the 98% of new items. In rowid order
/// (deletes and inserts of one row in the order they were asked for) the
/// transaction writes one segment, however many edits it holds.
///
/// Nothing in the ingest transaction reads the index, so deferring the writes
/// to its end changes no result.
final class SearchIndexWrites {
    private struct Write {
        var rowid: Int64
        var delete: Bool
        var title: String
        var text: String
        var author: String
    }

    private var writes: [Write] = []

    /// Indexes a new row, or the new text of an edited one.
    func insert(rowid: Int64, title: String, text: String, author: String?) {
        writes.append(Write(rowid: rowid, delete: false, title: title, text: text, author: author ?? ""))
    }

    /// External-content FTS5 forgets a row only when told the values it indexed.
    func delete(rowid: Int64, title: String, text: String, author: String?) {
        writes.append(Write(rowid: rowid, delete: true, title: title, text: text, author: author ?? ""))
    }

    /// Writes everything queued, lowest rowid first (stable: one row's writes keep their order).
    func apply(_ db: Database) throws {
        guard !writes.isEmpty else { return }
        let ordered = writes.enumerated().sorted {
            $0.element.rowid != $1.element.rowid ? $0.element.rowid < $1.element.rowid : $0.offset < $1.offset
        }
        writes.removeAll()
        let insert = try db.cachedStatement(sql: "INSERT INTO item_fts (rowid, title, text, author) VALUES (?, ?, ?, ?)")
        let delete = try db.cachedStatement(sql: """
            INSERT INTO item_fts (item_fts, rowid, title, text, author) VALUES ('delete', ?, ?, ?, ?)
            """)
        let from = try SearchText.segmentedFrom(db)
        for (_, write) in ordered {
            let indexed = { (text: String) in SearchText.indexed(text, rowid: write.rowid, segmentedFrom: from) }
            try (write.delete ? delete : insert).execute(arguments: [
                write.rowid, indexed(write.title), indexed(write.text), indexed(write.author),
            ])
        }
    }
}

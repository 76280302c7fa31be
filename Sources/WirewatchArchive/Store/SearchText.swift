import GRDB
import WirewatchCore

/// The text the full-text index is given for an item.
///
/// Chinese and Japanese are written without spaces, and FTS5's unicode61
/// tokenizer takes a whole run of ideographs or kana as one token: a search for
/// 罢工 ("strike") never found 工人罢工进入第二天. The rules engine reads each
/// such character as a word of its own (a term of several is a phrase of them),
/// so the index is given the same words: a space on each side of every ideograph
/// and kana. Items indexed before this (rowid below `segmentedFrom`) keep the
/// text they were indexed with, because external-content FTS5 forgets a row only
/// when told exactly the values it indexed. (So the index no longer equals a
/// re-reading of the item table: FTS5's own `rebuild` and `integrity-check`,
/// which the archive runs only when it creates the index, would not match.)
enum SearchText {
    /// The first rowid indexed with separated ideographs (migration v10).
    static func segmentedFrom(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM archive_state WHERE name = 'fts_segmented_from'"))
            ?? Int64.max
    }

    /// `text` as the index holds it for `rowid`.
    static func indexed(_ text: String, rowid: Int64, segmentedFrom: Int64) -> String {
        rowid >= segmentedFrom ? segmented(text) : text
    }

    /// Whether `text` has a byte that leads an ideograph or kana: one pass over
    /// its contiguous UTF-8, which the compiler vectorises (over the UTF-8 view's
    /// iterator this scan was 1.5 % of the archive benchmark's ingest).
    static func mayHaveUnspacedScript(_ text: String) -> Bool {
        @inline(__always) func leads(_ byte: UInt8) -> Bool { byte &- 0xE3 <= 0xE9 - 0xE3 || byte == 0xEF || byte == 0xF0 }
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in
            var hits: UInt8 = 0  // no early exit: the loop stays branch-free
            for byte in bytes { hits |= leads(byte) ? 1 : 0 }
            return hits != 0
        }) {
            return found
        }
        return text.utf8.contains(where: leads)
    }

    /// `text` with a space before and after each ideograph and kana; other text,
    /// and text without them, is returned as it is.
    static func segmented(_ text: String) -> String {
        // Ideographs and kana are three- or four-byte UTF-8 sequences led by
        // 0xE3–0xE9, 0xEF or 0xF0: text without those bytes has none.
        guard mayHaveUnspacedScript(text) else { return text }
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if UnspacedScript.isStandalone(scalar.value) {
                out.append(" ")
                out.append(scalar)
                out.append(" ")
                changed = true
            } else {
                out.append(scalar)
            }
        }
        return changed ? String(out) : text
    }
}

import Foundation
import GRDB
import WirewatchCore

extension Archive {
    /// Stores the items of one poll of one feed, in one transaction: new items
    /// join a story, are indexed for search and raise their alerts; archived items
    /// that come back edited get a new revision (the old text is kept). An item is
    /// never stored without its alerts, so a crash can neither lose an alert nor,
    /// on the next run, raise it twice.
    public func ingest(
        feedID: Int64, feedName: String, items: [IngestItem], at time: Date = Date()
    ) throws(ArchiveError) -> IngestResult {
        if items.isEmpty { return IngestResult(newItems: 0, alerts: []) }
        return try ingest([IngestBatch(feedID: feedID, feedName: feedName, items: items)], at: time)[0]
    }

    /// Several feeds' polls in one transaction (group commit): what a busy daemon's
    /// writer does with the polls that finished while the previous commit ran.
    /// One commit instead of many is most of the cost of a small ingest.
    public func ingest(_ batches: [IngestBatch], at time: Date = Date()) throws(ArchiveError) -> [IngestResult] {
        try commit(batches, polls: [], at: time)
    }

    /// The daemon writer's group commit: the polls' batches, then the fetch log
    /// rows and schedules of the polls that finished (304s and failures too),
    /// all in one transaction. Polls that store nothing then cost a row each in
    /// a shared commit, not a commit each.
    public func commit(
        _ batches: [IngestBatch], polls: [(fetch: FetchRecord, state: FeedPollState)], at time: Date = Date()
    ) throws(ArchiveError) -> [IngestResult] {
        if batches.isEmpty && polls.isEmpty { return [] }
        if batches.isEmpty {
            // No story keys involved: a plain write.
            return try write { db in
                try Self.writePolls(polls, db)
                return []
            }
        }
        return try writeWithStoryKeys(now: time) { db, keyTables in
            let search = SearchIndexWrites()
            let results = try batches.map { batch in
                var writer = IngestWriter(
                    db: db, feedID: batch.feedID, feedName: batch.feedName, time: time, keyTables: keyTables,
                    search: search
                )
                writer.sinksByRule = batch.sinksByRule
                writer.storyRules = batch.storyRules
                writer.throttles = batch.throttles
                writer.listed = batch.listed
                // An identity the document lists twice is its first listing only
                // (see `prepare`).
                var seen = Set<String>(minimumCapacity: batch.items.count)
                for entry in batch.items where seen.insert(entry.identity).inserted { try writer.ingest(entry) }
                return writer.result
            }
            try search.apply(db)
            try Self.writePolls(polls, db)
            return results
        }
    }

    /// Runs in the poll task, before a batch queues for the writer: drops the
    /// items the archive already holds with the same content (a feed lists most
    /// of its items again on every poll, and storing them again changes nothing:
    /// `IngestWriter.seenAgain` stops at the equal hash) and computes the story
    /// data of the others, so that the write transaction, which every poll waits
    /// for in turn, only writes. One indexed read per poll.
    public func prepare(_ batch: IngestBatch) throws(ArchiveError) -> IngestBatch {
        guard !batch.items.isEmpty else { return batch }
        let feedID = batch.feedID
        let identities = batch.items.map(\.identity)
        let stored: [String: String] = try read { db in
            var hashes: [String: String] = [:]
            var start = 0
            while start < identities.count {
                let chunk = identities[start..<min(start + 400, identities.count)]
                let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let rows = try Row.fetchCursor(
                    db.cachedStatement(sql: """
                        SELECT identity, content_hash FROM item
                        WHERE feed_id = ? AND identity IN (\(placeholders)) AND content_hash IS NOT NULL
                        """),
                    arguments: StatementArguments([feedID.databaseValue] + chunk.map(\.databaseValue))
                )
                while let row = try rows.next() { hashes[row[0]] = row[1] }
                start += chunk.count
            }
            return hashes
        }
        var prepared = batch
        // A document can list one article twice under one identity (a featured
        // copy with a shorter text): only the first listing counts. Taking both,
        // each poll stored the other text as an edit (a revision, and an alert
        // for `on_update` rules) forever.
        var seen = Set<String>(minimumCapacity: batch.items.count)
        prepared.items = batch.items.filter { seen.insert($0.identity).inserted && stored[$0.identity] != $0.contentHash }
        for entry in prepared.items { entry.prepareStoryData() }
        return prepared
    }

    /// Writes the story keys waiting in memory to their table now (the daemon
    /// calls this when idle; nothing is lost without it).
    public func flushStoryKeys() throws(ArchiveError) {
        _ = try writeWithStoryKeys(now: Date(), forceFlush: true) { _, _ in () }
    }

    /// Saves the Bloom filter over the story keys (the daemon, when it stops), so
    /// the next start takes it instead of reading every key. The keys still
    /// waiting in memory stay unwritten: the next start recomputes them from
    /// their items' signatures (milliseconds for a full batch), and they are
    /// written with the next full batch, not in a small one at every stop.
    public func saveStoryFilter() throws(ArchiveError) {
        let index = storyKeys
        try write { db in try StoryKeyTables.saveFilter(index, db) }
    }

    /// A write transaction that may add story keys: they are staged during the
    /// transaction and handed to the in-memory index as its last step, inside
    /// the writer's turn, so the next transaction always sees them. (Should the
    /// commit itself then fail, the index only holds keys of missing items,
    /// which lookups skip, and the next open replays from the watermark.)
    func writeWithStoryKeys<T: Sendable>(
        now: Date, forceFlush: Bool = false, _ body: @escaping @Sendable (Database, StoryKeyTables) throws -> T
    ) throws(ArchiveError) -> T {
        let window = storyWindow
        let index = storyKeys
        return try write { db in
            let keyTables = try StoryKeyTables.prepare(db, now: now.timeIntervalSince1970, window: window, index: index)
            let value = try body(db, keyTables)
            if forceFlush || index.needsFlush, let through = try keyTables.flush(db) {
                index.flushed(through: through)
            }
            index.add(keyTables.staged)
            return value
        }
    }

    private static func writePolls(_ polls: [(fetch: FetchRecord, state: FeedPollState)], _ db: Database) throws {
        for poll in polls {
            try writeFetch(poll.fetch, db)
            try writePollState(poll.state, feedID: poll.fetch.feedID, db)
        }
    }

    /// An item's categories as a JSON array, written by hand: through
    /// `JSONEncoder` they were 1 % of a daemon's first cycle (most farm and
    /// real items have a few). Any JSON reader reads it back exactly.
    static func json(_ strings: [String]) -> String {
        if strings.isEmpty { return "[]" }
        var out = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { out += "," }
            JSONString.write(string, into: &out)
        }
        return out + "]"
    }

    static func json<T: Encodable & Collection>(_ value: T) -> String {
        // Most items have no categories or enclosures: no encoder for those.
        if value.isEmpty { return "[]" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Archive {
    /// The writer's memory for story lookups: the bytes of its Bloom filters and
    /// the items whose keys the tables (and memory) hold, for the archive
    /// benchmark's bytes per item. Reads every key: not for the daemon.
    public func storyKeyMemory() throws(ArchiveError) -> (filterBytes: Int, items: Int) {
        let index = storyKeys
        let stored = try read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(DISTINCT item_id) FROM (
                    SELECT item_id FROM story_key_0 UNION ALL SELECT item_id FROM story_key_1
                    UNION ALL SELECT item_id FROM story_key_recent_0 UNION ALL SELECT item_id FROM story_key_recent_1)
                """) ?? 0
        }
        return (index.filters.reduce(0) { $0 + $1.byteCount }, stored + index.snapshot().items)
    }
}

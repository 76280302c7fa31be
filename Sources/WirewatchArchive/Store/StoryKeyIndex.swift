import GRDB
import Synchronization
import WirewatchDedup

/// The writer's memory of the story-key tables: Bloom filters over every key
/// in them, and the keys of recently committed items not yet written to them.
///
/// Why keys wait: an item has ~37 keys spread uniformly over the key index, so
/// writing them with every commit dirtied most of the index's pages each time
/// (measured: 40 KB of WAL per item at 50k items, most of the ingest time).
/// Written in large sorted batches instead, every page is touched once per
/// batch. Nothing is lost by waiting: each item keeps its signature, so keys of
/// items above the persisted watermark are recomputed when the archive opens.
final class StoryKeyIndex: Sendable {
    /// Items whose keys wait in memory before one sorted write (~6 MB).
    static let flushThreshold = 4_096
    /// Items whose keys the recent table holds before they are merged into the
    /// current table (see `StoryKeyTables`); tests lower it.
    let mergeItems = Atomic<Int>(16 * flushThreshold)

    private struct Pending {
        /// key → item; a key shared by several items keeps the others in `more`.
        var first: [Int64: Int64] = [:]
        var more: [Int64: [Int64]] = [:]
        var items = 0
        var highestItem: Int64 = 0
    }

    /// One Bloom filter per key table: `filters[n]` holds the keys of
    /// `story_key_n` and, while that table is current, those of the recent
    /// table and of the keys waiting here (they all end up in it). A lookup
    /// probes a table only for the keys its filter lets through.
    let filters = [StoryKeyFilter(), StoryKeyFilter()]

    /// Whether both filters were filled from the tables since the archive opened.
    var filtersLoaded: Bool { filters.allSatisfy(\.isLoaded) }
    private let pending = Mutex(Pending())

    var needsFlush: Bool { pending.withLock { $0.items >= Self.flushThreshold } }

    /// Keys of items committed since the last flush (filter updated by the caller).
    func add(_ staged: [(item: Int64, keys: [Int64])]) {
        pending.withLock { pending in
            for (item, keys) in staged {
                for key in keys {
                    if pending.first[key] == nil {
                        pending.first[key] = item
                    } else {
                        pending.more[key, default: []].append(item)
                    }
                }
                pending.items += 1
                pending.highestItem = max(pending.highestItem, item)
            }
        }
    }

    func pendingItems(for key: Int64) -> [Int64] {
        pending.withLock { pending in
            guard let first = pending.first[key] else { return [] }
            return [first] + (pending.more[key] ?? [])
        }
    }

    /// Everything waiting, sorted for the write, how many items it covers, and
    /// the item id it reaches.
    func snapshot() -> (rows: [(Int64, Int64)], items: Int, through: Int64) {
        pending.withLock { pending in
            var rows: [(Int64, Int64)] = []
            rows.reserveCapacity(pending.first.count + pending.more.count)
            for (key, item) in pending.first { rows.append((key, item)) }
            for (key, items) in pending.more { for item in items { rows.append((key, item)) } }
            rows.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            return (rows, pending.items, pending.highestItem)
        }
    }

    /// Forgets what a committed flush wrote (items committed meanwhile stay).
    func flushed(through item: Int64) {
        pending.withLock { pending in
            guard pending.highestItem <= item else {
                pending.first = pending.first.filter { $0.value > item }
                pending.more = pending.more.compactMapValues { items in
                    let kept = items.filter { $0 > item }
                    return kept.isEmpty ? nil : kept
                }
                return
            }
            pending = Pending()
        }
    }

    /// The lookup keys an archived item had when it was stored.
    static func keys(signature: [UInt8], link: String?) -> [Int64] {
        guard let signature = StorySignature(encoded: signature) else { return [] }
        var keys = signature.lookupKeys
        if let link, !link.isEmpty {
            let canonical = CanonicalLink.canonicalize(link)
            if !canonical.isEmpty, !CanonicalLink.isHomePage(canonical) { keys.append(StorySignature.linkKey(canonicalLink: canonical)) }
        }
        return Array(Set(keys))
    }
}

import Synchronization

/// The document each feed sent at its last clean poll, by digest. Many servers
/// send neither ETag nor Last-Modified, so every poll is a full 200: when the
/// bytes are the ones already stored, parsing them again can find nothing
/// new, and the poll counts as "not modified". Kept in memory only: after a
/// restart the first poll of each feed parses, as it must anyway.
final class UnchangedBodies: Sendable {
    struct Entry: Sendable {
        var digest: Int
        var items: Int
    }

    private let entries = Mutex<[Int64: Entry]>([:])

    /// A digest of the document's bytes (SipHash, seeded per process: the digests
    /// never leave it). Comparing a digest costs about what reading the bytes does.
    static func digest(_ body: [UInt8]) -> Int {
        var hasher = Hasher()
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(body.count)
        return hasher.finalize()
    }

    /// The item count of the feed's last clean poll if it sent these very bytes.
    func items(feedID: Int64, ifDigest digest: Int) -> Int? {
        entries.withLock { entries in
            guard let entry = entries[feedID], entry.digest == digest else { return nil }
            return entry.items
        }
    }

    /// A poll whose document parsed cleanly and was stored.
    func remember(feedID: Int64, digest: Int, items: Int) {
        entries.withLock { $0[feedID] = Entry(digest: digest, items: items) }
    }

    /// A poll that failed or stored a document only in part: parse the next one.
    func forget(feedID: Int64) {
        _ = entries.withLock { $0.removeValue(forKey: feedID) }
    }
}

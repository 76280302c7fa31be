import GRDB

extension Archive {
    /// Moves the write-ahead log into the main file and truncates it.
    public func checkpoint() throws(ArchiveError) {
        do {
            _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch {
            throw ArchiveError(path: path, reason: Self.describe(error))
        }
    }
}

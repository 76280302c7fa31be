import GRDB

extension Archive {
    /// The ETag and Last-Modified a feed's server sent last, to send back as they
    /// were received (a conditional GET never makes up a date).
    public func validators(feedID: Int64) throws(ArchiveError) -> (etag: String?, lastModified: String?) {
        try read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT etag, last_modified FROM feed WHERE id = ?"), arguments: [feedID]
            ) else {
                return (nil, nil)
            }
            return (row["etag"], row["last_modified"])
        }
    }
}

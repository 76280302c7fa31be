/// One step from the document root to a node: a key of a table or an index into an array.
///
/// TOMLKit gives no source positions for nodes, so the validator names nodes by path and
/// asks ``KeyLocator`` for the line where that path was written.
enum TOMLPathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// A node's address, e.g. `feed[1].tags[0]` is `[.key("feed"), .index(1), .key("tags"), .index(0)]`.
typealias TOMLPath = [TOMLPathComponent]

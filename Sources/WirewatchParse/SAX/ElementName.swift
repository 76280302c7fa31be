/// An element name in feedparser's normalized form, resolved once per
/// distinct (localname, prefix, namespace) triple of a parse.
struct ElementName {
    /// `prefix:local` (lower-cased local name; the prefix is the canonical one
    /// for known namespaces, else the document's own), or `local`.
    let tag: String
    /// The handler key: `prefix_local` or `local`.
    let method: String
    /// The local name, lower-cased, without prefix.
    let local: String
    /// The prefix part (canonical), "" when none.
    let prefix: String
    /// The namespace URI as written ("" when none).
    let uri: String
    /// The local name as written (for SVG/MathML serialization).
    var rawLocal: String? = nil
    /// The dedicated handler for `method`, if there is one.
    var handler: Handler? = nil
}

/// Cache key: libxml2 interns names in the parser's dictionary, so within
/// one parse the same name always arrives as the same pointer. This lets us
/// skip building Strings for elements seen before.
struct NameKey: Hashable {
    let local: UnsafeRawPointer?
    let prefix: UnsafeRawPointer?
    let uri: UnsafeRawPointer?
}

/// An element name in feedparser's normalized form, resolved once per
/// distinct (localname, prefix, namespace) triple of a parse.
///
/// A class, so handing it to the builder on every event costs one
/// reference count rather than one per String field.
final class ElementName {
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
    let rawLocal: String?
    /// The dedicated handler for `method`, if there is one.
    let handler: Handler?

    init(tag: String, method: String, local: String, prefix: String, uri: String, rawLocal: String? = nil,
         handler: Handler? = nil) {
        self.tag = tag
        self.method = method
        self.local = local
        self.prefix = prefix
        self.uri = uri
        self.rawLocal = rawLocal
        self.handler = handler
    }
}

/// Cache key: libxml2 interns names in the parser's dictionary, so within
/// one parse the same name always arrives as the same pointer. This lets us
/// skip building Strings for elements seen before.
struct NameKey: Hashable {
    let local: UnsafeRawPointer?
    let prefix: UnsafeRawPointer?
    let uri: UnsafeRawPointer?

    static let slots = 256

    /// A slot in a direct-mapped cache of `slots` entries (multiplicative
    /// hashing of the pointers' bits; not `Hashable`'s seeded SipHash).
    @inline(__always) var slot: Int {
        let a = UInt64(UInt(bitPattern: local)), b = UInt64(UInt(bitPattern: prefix)), c = UInt64(UInt(bitPattern: uri))
        let h = (a &+ b &* 31 &+ c &* 1_000_003) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: h >> 56)   // top 8 bits: 0..<256
    }
}

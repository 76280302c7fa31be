/// Validators from the previous fetch, sent back byte-for-byte for a conditional
/// GET. Only ever values a server sent: `If-Modified-Since` is never made up
/// from a local clock (servers compare it as an opaque string more often than
/// one would hope, and our clock is not theirs).
public struct FetchValidators: Sendable, Hashable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}

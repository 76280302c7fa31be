/// What a fetch brought back.
public struct FetchResponse: Sendable {
    /// HTTP status; 200 for a file read, 304 when the server said "not modified".
    public var status: Int
    /// The document; empty for a 304.
    public var body: [UInt8]
    /// Response headers, names lower-cased (the last value wins for repeats).
    public var headers: [String: String]
    /// Where the bytes finally came from, after redirects.
    public var finalURL: String

    public init(status: Int, body: [UInt8], headers: [String: String], finalURL: String) {
        self.status = status
        self.body = body
        self.headers = headers
        self.finalURL = finalURL
    }

    public var isNotModified: Bool { status == 304 }
    public var etag: String? { headers["etag"] }
    public var lastModified: String? { headers["last-modified"] }
}

/// Validators from the previous fetch, sent back byte-for-byte for a conditional GET.
public struct FetchValidators: Sendable, Hashable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}

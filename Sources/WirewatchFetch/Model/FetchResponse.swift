import Foundation

/// What a fetch brought back.
public struct FetchResponse: Sendable {
    /// HTTP status; 200 for a file read, 304 when the server said "not modified".
    public var status: Int
    /// The document; empty for a 304.
    public var body: [UInt8]
    /// Response headers of the last hop, names lower-cased (the last value wins
    /// for repeats). `content-type` carries the charset the parser needs.
    public var headers: [String: String]
    /// Where the bytes finally came from, after redirects.
    public var finalURL: String
    /// Every redirect followed, in order; empty when the first URL answered.
    public var redirects: [Redirect]
    /// How long the server says the document stays fresh (Cache-Control
    /// max-age, else Expires − Date): a hint for the scheduler, nil when none.
    public var freshUntil: Date?
    /// When the response arrived (the clock `freshUntil` was computed against).
    public var fetchedAt: Date

    public init(
        status: Int, body: [UInt8], headers: [String: String], finalURL: String,
        redirects: [Redirect] = [], freshUntil: Date? = nil, fetchedAt: Date = Date()
    ) {
        self.status = status
        self.body = body
        self.headers = headers
        self.finalURL = finalURL
        self.redirects = redirects
        self.freshUntil = freshUntil
        self.fetchedAt = fetchedAt
    }

    public var isNotModified: Bool { status == 304 }
    public var etag: String? { headers["etag"] }
    public var lastModified: String? { headers["last-modified"] }

    /// The final URL when every hop was permanent (301/308): the candidate the
    /// daemon feeds to `PermanentRedirectTracker`. Nil without redirects or when
    /// any hop was temporary (a 302 in the chain means the old URL stays canonical).
    public var permanentTarget: String? {
        guard !redirects.isEmpty, redirects.allSatisfy(\.isPermanent) else { return nil }
        return redirects.last?.to
    }
}

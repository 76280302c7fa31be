import Foundation

/// Why a feed could not be fetched. `description` is one line for the user and
/// always names the URL involved.
public enum FetchError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The server answered with a status that is not success, 304, 410, 429 or 503.
    case http(status: Int, url: String)
    /// 410 Gone: the publisher says the feed is removed for good; the scheduler
    /// should stop polling it (or poll very rarely) rather than retry.
    case gone(url: String)
    /// 429 or 503: the server asks us to come back later, at `retryAfter` when it
    /// said when. Scoped to the feed that got it; the host gate protects the host.
    case retryLater(status: Int, url: String, retryAfter: Date?)
    /// No answer: DNS, refused connection, TLS, timeout, reset.
    case transport(reason: String, url: String)
    /// The body exceeded the size limit (before or after decompression).
    case tooLarge(limit: Int, url: String)
    /// More than `limit` redirects, starting at `url`.
    case tooManyRedirects(limit: Int, url: String)
    /// A redirect chain came back to a URL it had already visited.
    case redirectLoop(url: String, repeated: String)
    /// A 3xx without a usable `Location` (missing, unparsable, not http(s)).
    case badRedirect(reason: String, url: String)
    /// A local file could not be read.
    case file(reason: String, path: String)

    public var description: String {
        switch self {
        case .http(let status, let url): "HTTP \(status) from \(url)"
        case .gone(let url): "HTTP 410 Gone from \(url): the feed was removed"
        case .retryLater(let status, let url, let retryAfter):
            if let retryAfter {
                "HTTP \(status) from \(url), retry after \(retryAfter.formatted(.iso8601))"
            } else {
                "HTTP \(status) from \(url)"
            }
        case .transport(let reason, let url): "\(reason) (\(url))"
        case .tooLarge(let limit, let url): "body larger than \(limit) bytes, the limit set by [parse] max_size (\(url))"
        case .tooManyRedirects(let limit, let url): "more than \(limit) redirects from \(url)"
        case .redirectLoop(let url, let repeated): "redirect loop from \(url) (back to \(repeated))"
        case .badRedirect(let reason, let url): "bad redirect from \(url): \(reason)"
        case .file(let reason, let path): "\(reason): \(path)"
        }
    }

    /// The HTTP status when one came back.
    public var status: Int? {
        switch self {
        case .http(let status, _), .retryLater(let status, _, _): status
        case .gone: 410
        default: nil
        }
    }

    /// When the server asked to be retried (429/503 with `Retry-After`).
    public var retryAfter: Date? {
        if case .retryLater(_, _, let retryAfter) = self { return retryAfter }
        return nil
    }
}

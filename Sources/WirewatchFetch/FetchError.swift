/// Why a feed could not be fetched; prints as one line for the user.
public enum FetchError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The server answered with a status that is not success or 304.
    case http(status: Int, url: String)
    /// No answer: DNS, refused connection, TLS, timeout, reset.
    case transport(reason: String, url: String)
    /// The body exceeded the size limit.
    case tooLarge(limit: Int, url: String)
    /// A local file could not be read.
    case file(reason: String, path: String)

    public var description: String {
        switch self {
        case .http(let status, let url): "HTTP \(status) from \(url)"
        case .transport(let reason, let url): "\(reason) (\(url))"
        case .tooLarge(let limit, let url): "body larger than \(limit) bytes (\(url))"
        case .file(let reason, let path): "\(reason): \(path)"
        }
    }

    /// The HTTP status when one came back.
    public var status: Int? {
        if case .http(let status, _) = self { return status }
        return nil
    }
}

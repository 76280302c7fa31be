import AsyncHTTPClient
import NIOCore

extension Fetcher {
    /// Any error from a hop, as the one-line `FetchError` the user sees.
    func fetchError(_ error: any Error, url: String) -> FetchError {
        switch error {
        case let error as FetchError: return error
        case let error as TimeoutError: return .transport(reason: "timed out after \(Self.seconds(error.limit))", url: url)
        case is NIOTooManyBytesError: return .tooLarge(limit: settings.maxBodyBytes, url: url)
        case is CancellationError: return .transport(reason: "cancelled", url: url)
        default: break
        }
        if Self.isDecompressionLimit(error) { return .tooLarge(limit: settings.maxBodyBytes, url: url) }
        // NIOHTTPCompression's `DecompressionError.inflationError(code)`.
        if String(reflecting: type(of: error)).hasSuffix("DecompressionError"), "\(error)".hasPrefix("inflationError") {
            return .transport(
                reason: "the body is not the gzip or deflate data the server's Content-Encoding announced (\(error))", url: url
            )
        }
        return .transport(reason: describe(error), url: url)
    }

    /// NIOHTTPCompression's `DecompressionError.limit`, recognised without
    /// importing that module (WirewatchFetch does not depend on swift-nio-extras
    /// directly; AsyncHTTPClient brings it in).
    static func isDecompressionLimit(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasSuffix("DecompressionError") && "\(error)" == "limit"
    }

    func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return "connect timed out after \(Self.seconds(settings.connectTimeout))"
            case .deadlineExceeded, .readTimeout: return "timed out after \(Self.seconds(settings.timeout))"
            case .remoteConnectionClosed: return "connection closed by server"
            case .cancelled: return "cancelled"
            default: return "\(error)"
            }
        }
        let text = "\(error)"
        if text.contains("refused") { return "connection refused" }
        // NIO's "DNS error: SocketAddressError.UnknownHost: Name or service not known
        // (error -2) for host x, port 443": the host name is the useful part.
        if text.contains("UnknownHost") || text.contains("Name or service not known") {
            return "unknown host (DNS lookup failed)"
        }
        if text.contains("Temporary failure in name resolution") { return "DNS lookup failed (no answer from the resolver)" }
        if text.contains("reset by peer") { return "connection reset by server" }
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        if attoseconds == 0 { return "\(seconds) s" }
        return "\(Double(seconds) + Double(attoseconds) / 1e18) s"
    }
}

/// Why a sink could not deliver an alert, and whether trying again can help.
///
/// The daemon keeps the alert in the outbox and retries `.retryable` failures with
/// `RetryPolicy`; a `.permanent` failure (bad URL, 404, command not found) would fail
/// the same way every time, so it is recorded and not retried.
public enum DeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A server error, timeout, refused connection, exit code 75 (EX_TEMPFAIL)…
    /// `retryAfter` is what the receiver asked for (HTTP 429/503 `Retry-After`).
    case retryable(sink: String, reason: String, retryAfter: Duration? = nil)
    /// A client error (4xx other than 408/429), a missing command, a bad setting.
    case permanent(sink: String, reason: String)

    public var isRetryable: Bool {
        if case .retryable = self { return true }
        return false
    }

    public var sink: String {
        switch self {
        case .retryable(let sink, _, _), .permanent(let sink, _): sink
        }
    }

    public var reason: String {
        switch self {
        case .retryable(_, let reason, _), .permanent(_, let reason): reason
        }
    }

    public var retryAfter: Duration? {
        if case .retryable(_, _, let after) = self { return after }
        return nil
    }

    /// One line: `sink "ops-hook": HTTP 503 Service Unavailable (will retry, server asked for 120s)`.
    public var description: String {
        switch self {
        case .retryable(let sink, let reason, let after):
            let wait = after.map { ", server asked for \(RetryPolicy.describe($0))" } ?? ""
            return "sink \"\(sink)\": \(reason) (will retry\(wait))"
        case .permanent(let sink, let reason):
            return "sink \"\(sink)\": \(reason) (permanent, not retried)"
        }
    }

    /// Any error a sink threw, as a `DeliveryError`: sinks written before this type
    /// (the alert log) throw their own errors, which are taken as retryable, since an
    /// unknown failure (disk full, file locked) may well pass.
    public static func classify(_ error: any Error, sink: String) -> DeliveryError {
        if let error = error as? DeliveryError { return error }
        if error is CancellationError { return .retryable(sink: sink, reason: "cancelled") }
        return .retryable(sink: sink, reason: HeaderText.sanitize("\(error)", limit: 300))
    }
}

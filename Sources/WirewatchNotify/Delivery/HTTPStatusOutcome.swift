import Foundation

/// What an HTTP status means for a delivery (webhook, ntfy).
enum HTTPStatusOutcome {
    /// nil for 2xx (delivered), else the error to throw.
    /// 408, 425, 429 and 5xx may pass on their own; other 4xx (and a 3xx left after
    /// redirects) mean the request itself is wrong and would fail every time.
    static func error(
        status: Int, reasonPhrase: String, retryAfterHeader: String?, detail: String, sink: String, now: Date = Date()
    ) -> DeliveryError? {
        if (200..<300).contains(status) { return nil }
        var reason = "HTTP \(status)"
        if !reasonPhrase.isEmpty { reason += " \(reasonPhrase)" }
        if !detail.isEmpty { reason += ": \(detail)" }
        switch status {
        case 408, 425, 429, 500...599:
            // Retry-After is defined for 429 and 503; elsewhere it is ignored.
            let retryAfter = (status == 429 || status == 503) ? retryAfterHeader.flatMap { RetryAfter.parse($0, now: now) } : nil
            return .retryable(sink: sink, reason: reason, retryAfter: retryAfter)
        default:
            return .permanent(sink: sink, reason: reason)
        }
    }
}

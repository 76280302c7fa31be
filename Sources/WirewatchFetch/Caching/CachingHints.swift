import Foundation

/// Scheduler hints read from response headers. Pure functions of the headers
/// (names lower-cased) and the time the response arrived.
enum CachingHints {
    /// `Cache-Control: max-age` wins; else `Expires` − `Date` (the server's own
    /// clock on both sides, so our clock skew does not matter), added to `now`.
    /// `no-cache`/`no-store` mean "no promise": nil, and Expires is not consulted.
    /// Nil too when the lifetime is not positive (e.g. `Expires: 0`).
    static func freshUntil(headers: [String: String], now: Date) -> Date? {
        if let header = headers["cache-control"] {
            let cacheControl = CacheControl(header)
            if cacheControl.noCache || cacheControl.noStore { return nil }
            if let maxAge = cacheControl.maxAge { return maxAge > 0 ? now + TimeInterval(maxAge) : nil }
        }
        guard let expiresHeader = headers["expires"], let expires = HTTPDate.parse(expiresHeader, now: now) else {
            return nil
        }
        let serverNow = headers["date"].flatMap { HTTPDate.parse($0, now: now) } ?? now
        let lifetime = expires.timeIntervalSince(serverNow)
        return lifetime > 0 ? now + lifetime : nil
    }

    /// `Retry-After` as delay-seconds or an HTTP-date. A date in the past gives
    /// `now`: the server's clock may be behind, and "retry now" is what it means.
    static func retryAfter(headers: [String: String], now: Date) -> Date? {
        guard let value = headers["retry-after"]?.trimmingSpaces, !value.isEmpty else { return nil }
        if let seconds = HTTPDate.number(value, digits: 1...10) { return now + TimeInterval(seconds) }
        guard let date = HTTPDate.parse(value, now: now) else { return nil }
        return max(date, now)
    }
}

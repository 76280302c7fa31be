import Foundation

/// The `Retry-After` header of a 429 or 503: delay-seconds (`120`) or an HTTP date
/// (`Sat, 21 Nov 2026 07:00:00 GMT`).
enum RetryAfter {
    static func parse(_ value: String, now: Date = Date()) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int64(text) { return seconds >= 0 ? .seconds(seconds) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        let wait = date.timeIntervalSince(now)
        return .milliseconds(Int64(max(wait, 0) * 1000))
    }
}

import Foundation

/// RSS `<skipHours>` and `<skipDays>`: times (GMT) the publisher says are not
/// worth polling. A due time inside one moves to the start of the first allowed hour.
public struct SkipWindows: Sendable, Hashable {
    /// 0–23, GMT.
    public var hours: Set<Int>
    /// 1 = Sunday … 7 = Saturday, GMT.
    public var days: Set<Int>

    /// Out-of-range values are dropped; a list that skips everything (all 24
    /// hours, all 7 days) is a broken feed, not a wish never to be polled, so it
    /// is ignored.
    public init(hours: [Int], days: [Int]) {
        let hours = Set(hours.filter { (0...23).contains($0) })
        let days = Set(days.filter { (1...7).contains($0) })
        self.hours = hours.count == 24 ? [] : hours
        self.days = days.count == 7 ? [] : days
    }

    public var isEmpty: Bool { hours.isEmpty && days.isEmpty }

    /// `date` itself when allowed, else the start of the first allowed hour after it.
    public func firstAllowed(from date: Date) -> Date {
        guard !isEmpty else { return date }
        var candidate = date
        // A week of hours always reaches an allowed one (not everything is skipped).
        for _ in 0..<(24 * 8) {
            let seconds = Int(candidate.timeIntervalSince1970.rounded(.down))
            let days = Int((Double(seconds) / 86_400).rounded(.down))
            let hour = (seconds - days * 86_400) / 3600
            // 1970-01-01 was a Thursday (5 in 1 = Sunday numbering).
            let weekday = ((days + 4) % 7 + 7) % 7 + 1
            if !hours.contains(hour), !self.days.contains(weekday) { return candidate }
            candidate = Date(timeIntervalSince1970: TimeInterval(days * 86_400 + (hour + 1) * 3600))
        }
        return date
    }
}

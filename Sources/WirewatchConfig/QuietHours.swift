import Foundation

/// `quiet_hours = "22:00-07:00"` on an alert rule: in that window (the machine's
/// local time) its alerts are archived and shown by `tail`, but sinks other than
/// the terminal and the alert log are held until the window ends.
public struct QuietHours: Sendable, Equatable {
    /// Minutes after midnight.
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// Parses "HH:MM-HH:MM"; nil when malformed or empty.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let start = Self.minutes(parts[0]), let end = Self.minutes(parts[1]), start != end else { return nil }
        self.init(start: start, end: end)
    }

    static func minutes(_ text: Substring) -> Int? {
        let fields = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard fields.count == 2, let hour = Int(fields[0]), let minute = Int(fields[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    /// When the window that contains `date` ends; nil when `date` is outside it.
    /// A window may cross midnight ("22:00-07:00").
    public func end(ofWindowContaining date: Date, calendar: Calendar = .current) -> Date? {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let now = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let inside = start < end ? (now >= start && now < end) : (now >= start || now < end)
        guard inside else { return nil }
        let midnight = calendar.startOfDay(for: date)
        var result = calendar.date(byAdding: .minute, value: end, to: midnight) ?? date
        if result <= date { result = calendar.date(byAdding: .day, value: 1, to: result) ?? result }
        return result
    }
}

import ArgumentParser
import Foundation

/// A point in time on the command line: a duration back from now (`7d`, `12h`,
/// `30m`, `2w`) or a date (`2026-11-01`, `2026-11-01T08:00:00Z`).
struct TimeSpec: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        if let seconds = Self.duration(argument) {
            date = Date().addingTimeInterval(-seconds)
        } else if let date = Self.date(argument) {
            self.date = date
        } else {
            return nil
        }
    }

    static func duration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let value = Double(text.dropLast()), value >= 0 else { return nil }
        switch unit {
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        case "d": return value * 86_400
        case "w": return value * 7 * 86_400
        default: return nil
        }
    }

    static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "T", maxSplits: 1)
        let ymd = parts[0].split(separator: "-").compactMap { Int($0) }
        guard ymd.count == 3 else { return nil }
        var components = DateComponents(timeZone: TimeZone(identifier: "UTC"), year: ymd[0], month: ymd[1], day: ymd[2])
        if parts.count == 2 {
            let hms = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "Z")).split(separator: ":").compactMap { Int($0) }
            guard (2...3).contains(hms.count) else { return nil }
            components.hour = hms[0]
            components.minute = hms[1]
            components.second = hms.count == 3 ? hms[2] : 0
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)
    }

    static var defaultValueDescription: String { "7d" }
}

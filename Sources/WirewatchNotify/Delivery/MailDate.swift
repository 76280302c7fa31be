import Foundation
import WirewatchCore

/// RFC 5322 dates (`Sat, 21 Nov 2026 06:30:12 +0000`), always in UTC, without a
/// formatter or locale: the names must be English whatever the machine's locale.
enum MailDate {
    static func string(_ date: Date) -> String {
        let days = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let dayNumber = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let weekday = days[Int(((dayNumber % 7) + 7) % 7)]
        // ISO8601.string gives the civil date and time: 2026-11-21T06:30:12Z.
        let iso = Array(ISO8601.string(date))
        let year = String(iso[0..<4]), month = Int(String(iso[5..<7])) ?? 1
        let day = String(iso[8..<10]), time = String(iso[11..<19])
        return "\(weekday), \(day) \(months[month - 1]) \(year) \(time) +0000"
    }
}

import Foundation
import WirewatchCore

/// Calendar arithmetic in UTC without Foundation calendars (Howard
/// Hinnant's days-from-civil), so date parsing stays allocation-light.
enum CivilTime {
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let (y, m, d) = ISO8601.civil(fromDays: Int64(z0))
        return (Int(y), Int(m), Int(d))
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A validated wall-clock time at `offsetMinutes` east of UTC, as a Date.
    /// Returns nil for impossible fields (feedparser's `datetime()` check).
    static func date(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, offsetMinutes: Int) -> Date? {
        guard y >= 1, y <= 9999, (1...12).contains(mo), d >= 1, d <= daysInMonth(y, mo),
              (0...23).contains(h), (0...59).contains(mi), (0...59).contains(s),
              // Real zones are within a day; a fuzzed "+0000000000000000099" must not overflow.
              abs(offsetMinutes) <= 24 * 60 else { return nil }
        let days = daysFromCivil(y, mo, d)
        let secs = days * 86400 + h * 3600 + mi * 60 + s - offsetMinutes * 60
        return Date(timeIntervalSince1970: TimeInterval(secs))
    }
}

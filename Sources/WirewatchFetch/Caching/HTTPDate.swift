import Foundation

/// Parses the three HTTP-date forms of RFC 9110 §5.6.7 by hand: no
/// `DateFormatter` (locale- and thread-sensitive, slow to build, and lenient
/// in ways that accept garbage).
///
///     Sun, 06 Nov 1994 08:49:37 GMT    IMF-fixdate (what servers should send)
///     Sunday, 06-Nov-94 08:49:37 GMT   obsolete RFC 850
///     Sun Nov  6 08:49:37 1994         obsolete asctime
///
/// Tolerated: any case, a missing weekday, a one-digit day, "UTC" or "+0000"
/// for "GMT". The weekday, when present, is not checked against the date.
public enum HTTPDate {
    /// - Parameter now: resolves RFC 850's two-digit year: a year more than 50
    ///   years ahead of `now` means the previous century (RFC 9110).
    public static func parse(_ text: some StringProtocol, now: Date = Date()) -> Date? {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "\t" }.map { $0.lowercased() }
        guard tokens.count >= 4 else { return nil }
        var rest = ArraySlice(tokens)
        if weekday(rest[rest.startIndex]) { rest = rest.dropFirst() }
        let fields = Array(rest)

        // RFC 850: "06-nov-94 08:49:37 gmt"
        if fields.count == 3, fields[0].contains("-") {
            let parts = fields[0].split(separator: "-")
            guard parts.count == 3, let day = number(parts[0], digits: 1...2), let month = month(parts[1]),
                let yy = number(parts[2], digits: 2...4), let time = time(fields[1]), zone(fields[2])
            else { return nil }
            let year = parts[2].count == 2 ? fullYear(twoDigits: yy, now: now) : yy
            return date(year: year, month: month, day: day, time: time)
        }
        // IMF-fixdate: "06 nov 1994 08:49:37 gmt"
        if fields.count == 5, let day = number(fields[0], digits: 1...2) {
            guard let month = month(fields[1]), let year = number(fields[2], digits: 4...4),
                let time = time(fields[3]), zone(fields[4])
            else { return nil }
            return date(year: year, month: month, day: day, time: time)
        }
        // asctime: "nov 6 08:49:37 1994"
        if fields.count == 4, let month = month(fields[0]) {
            guard let day = number(fields[1], digits: 1...2), let time = time(fields[2]),
                let year = number(fields[3], digits: 4...4)
            else { return nil }
            return date(year: year, month: month, day: day, time: time)
        }
        return nil
    }

    static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let fullWeekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func weekday(_ token: String) -> Bool {
        weekdays.contains(token) || fullWeekdays.contains(token)
    }

    static func month(_ token: some StringProtocol) -> Int? {
        months.firstIndex(of: String(token)).map { $0 + 1 }
    }

    static func zone(_ token: String) -> Bool {
        token == "gmt" || token == "utc" || token == "ut" || token == "z" || token == "+0000" || token == "-0000"
    }

    /// A run of ASCII digits of an allowed length; nothing else.
    static func number(_ token: some StringProtocol, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(token.utf8.count) else { return nil }
        var value = 0
        for byte in token.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// "hh:mm:ss" → seconds since midnight; a leap second (60) counts as 59.
    static func time(_ token: String) -> Int? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let hour = number(parts[0], digits: 1...2), let minute = number(parts[1], digits: 2...2),
            let second = number(parts[2], digits: 2...2), hour < 24, minute < 60, second <= 60
        else { return nil }
        return hour * 3600 + minute * 60 + min(second, 59)
    }

    static func fullYear(twoDigits yy: Int, now: Date) -> Int {
        let thisYear = civil(fromDays: Int((now.timeIntervalSince1970 / 86400).rounded(.down))).year
        var year = thisYear - thisYear % 100 + yy
        if year > thisYear + 50 { year -= 100 }
        return year
    }

    static func date(year: Int, month: Int, day: Int, time: Int) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: TimeInterval(days * 86400 + time))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

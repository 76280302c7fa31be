import Foundation

/// Numeric dates with slashes, as CMSes print them: `2026/11/23 10:00`
/// (year first: East Asian sites, and Perforce's `Fri, 2006/09/15 08:19:53 EDT`), `11/23/2026 10:00 AM` (US) and
/// `23/11/2026 10:00` (most other places), with an optional 12-hour clock and
/// zone. A date with the year last is read month first or day first only when
/// one of its numbers is above 12; `04/05/2026` could be either, so it stays
/// nil rather than risk a date a month off (nil is what a feed without a date
/// gets: the archive keeps the time it first saw the item).
enum SlashDate {
    static func parse(_ s: String) -> Date? {
        var p = s.split(separator: " ")
        if let f = p.first, RFC822.daynames.contains(f.prefix(3)) { p.removeFirst() }
        guard let first = p.first else { return nil }
        let fields = first.split(separator: "/", omittingEmptySubsequences: false)
        guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.count <= 4 }),
              let a = Int(fields[0]), let b = Int(fields[1]), let c = Int(fields[2]) else { return nil }
        let y: Int, mo: Int, d: Int
        if fields[0].count == 4 {
            (y, mo, d) = (a, b, c)
        } else if fields[2].count == 4 {
            y = c
            if a > 12, b <= 12 { (d, mo) = (a, b) }
            else if b > 12, a <= 12 { (mo, d) = (a, b) }
            else if a == b { (mo, d) = (a, b) }
            else { return nil }
        } else {
            return nil
        }
        var rest = p.dropFirst()
        var h = 0, mi = 0, se = 0, offset = 0
        if let time = rest.first, time.contains(":") {
            rest = rest.dropFirst()
            // "10:00am" as well as "10:00 am".
            var clock = time
            var meridiem: Substring?
            if clock.hasSuffix("am") || clock.hasSuffix("pm") {
                meridiem = clock.suffix(2)
                clock = clock.dropLast(2)
            } else if let next = rest.first, next == "am" || next == "pm" {
                meridiem = next
                rest = rest.dropFirst()
            }
            let t = clock.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard t.count == 2 || t.count == 3, let th = t[0], let tm = t[1] else { return nil }
            (h, mi) = (th, tm)
            if t.count == 3 { guard let ts = t[2] else { return nil }; se = ts }
            if let meridiem {
                guard (1...12).contains(h) else { return nil }
                h = h % 12 + (meridiem == "pm" ? 12 : 0)
            }
        }
        if let zone = rest.first {
            guard rest.count == 1, let o = FeedDate.numericOffset(zone) ?? FeedDate.zones[String(zone)] else { return nil }
            offset = o
        }
        return CivilTime.date(y, mo, d, h, mi, se, offsetMinutes: offset)
    }
}

/// A Unix time, as some hand-made and API-generated feeds write dates:
/// `1700000000` (seconds) or `1700000000000` (milliseconds). Only times from
/// 1990 to 2100 count, so a stray number (a year, an id) is not read as a date.
enum UnixTime {
    static func parse(_ s: String) -> Date? {
        let digits = s.utf8
        guard digits.count == 9 || digits.count == 10 || digits.count == 12 || digits.count == 13,
              digits.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }), let value = Int(s) else { return nil }
        let seconds = digits.count >= 12 ? Double(value) / 1000 : Double(value)
        guard seconds >= 631_152_000, seconds < 4_102_444_800 else { return nil }  // 1990-01-01 ..< 2100-01-01
        return Date(timeIntervalSince1970: seconds)
    }
}

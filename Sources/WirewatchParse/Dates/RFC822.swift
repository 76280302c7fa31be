import Foundation

/// feedparser's `_parse_date_rfc822`, with more zone names.
enum RFC822 {
    static let daynames: Set<Substring> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    static func parse(_ s: String) -> Date? {
        // Commas separate tokens too ("Thu,01 Jan 2004").
        var parts = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "," })
        guard !parts.isEmpty else { return nil }
        if parts.count < 5 { parts.append(contentsOf: ["00:00:00", "0000"]) }
        if daynames.contains(parts[0].prefix(3)) {
            parts.removeFirst()
        } else if parts.count >= 6, parts[0].allSatisfy({ $0.isLetter || $0 == "." }), FeedDate.month(parts[0]) == nil,
                  Int(parts[1]) != nil, FeedDate.month(parts[2]) != nil {
            // A weekday in another language ("lun, 23 nov 2026", "Mo, 23 Dez 2026").
            parts.removeFirst()
        }
        guard parts.count >= 5 else { return nil }
        var day: Int
        if let d = Int(parts[0]) {
            day = d
        } else if FeedDate.month(parts[0]) != nil, let d = Int(parts[1]) {
            day = d
            parts[1] = parts[0]
        } else {
            return nil
        }
        guard let month = FeedDate.month(parts[1]) else { return nil }
        guard var year = Int(parts[2]), year >= 0 else { return nil }
        if parts[2].count <= 2 { year += year < 90 ? 2000 : 1900 }
        var tp = parts[3].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        while tp.count < 3 { tp.append(0) }
        guard tp.count == 3, var h = tp[0], let mi = tp[1], let se = tp[2] else { return nil }
        // A 12-hour clock ("4:30:00 PM GMT", ASP.NET feeds): PM is not a zone.
        if parts[4] == "am" || parts[4] == "pm" {
            guard (1...12).contains(h) else { return nil }
            h = h % 12 + (parts[4] == "pm" ? 12 : 0)
            parts.remove(at: 4)
            if parts.count < 5 { parts.append("gmt") }
        }
        var zone = parts[4]
        if zone.hasPrefix("etc/") { zone = zone.dropFirst(4) }
        if zone.hasPrefix("gmt") || zone.hasPrefix("utc") {
            let rest = zone.dropFirst(3).filter { $0 != ":" }
            zone = rest.isEmpty ? "gmt" : Substring(rest)
        }
        var offset = 0
        if let f = zone.first, f == "+" || f == "-" {
            guard let o = FeedDate.numericOffset(zone) else { return nil }
            offset = o
        } else if zone.contains("/") {
            // An IANA name: its offset on that date, or the time as UTC when unknown.
            guard let local = CivilTime.date(year, month, max(day, 0), h, mi, se, offsetMinutes: 0) else { return nil }
            offset = NamedZone.offset(iana: zone, local: Int(local.timeIntervalSince1970)) ?? 0
        } else {
            offset = FeedDate.zones[String(zone)] ?? 0
        }
        day = max(day, 0)
        return CivilTime.date(year, month, day, h, mi, se, offsetMinutes: offset)
    }
}

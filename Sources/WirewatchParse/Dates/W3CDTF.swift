import Foundation

/// feedparser's `_parse_date_w3dtf`: `YYYY[-MM[-DD]][(T| )hh:mm[:ss[.f]]][Z|±hh:mm]`.
enum W3CDTF {
    static func parse(_ s: String) -> Date? {
        var s = Substring(s)
        // RFC 9557's zone suffix (`…-05:00[america/new_york]`): the offset before it decides.
        if s.last == "]", let open = s.lastIndex(of: "[") { s = s[..<open] }
        var parts = s.split(separator: "t", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            parts = parts[0].split(separator: " ").map(String.init)
            if parts.count == 1 { parts.append("00:00:00z") }
        } else if parts.count > 2 {
            return nil
        }
        guard parts.count >= 2 else { return nil }
        var date = parts[0].split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard let first = date.first, first.count == 4 else { return nil }
        while date.count < 3 { date.append("1") }
        guard let y = Int(date[0]), let mo = Int(date[1]), let d = Int(date[2]) else { return nil }
        var timePart = parts[1]
        var zone = parts.count > 2 ? parts[2] : ""
        if timePart.hasSuffix("z") { timePart.removeLast(); if parts.count == 2 { zone = "z" } }
        if parts.count == 2 || zone == "z" {
            if let i = timePart.firstIndex(where: { $0 == "-" || $0 == "+" }) {
                zone = String(timePart[i...])
                timePart = String(timePart[..<i])
                // `10:00:00 +01:00`: a space before the offset.
                while timePart.last == " " { timePart.removeLast() }
            }
        }
        var time = timePart.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        while time.count < 3 { time.append("0") }
        var offset = 0
        if let f = zone.first, f == "-" || f == "+" {
            let z = Array(zone)
            guard z.count >= 3, let h = Int(String(z[1..<3])) else { return nil }
            let m = z.count > 4 ? Int(String(z[4...])) : 0
            guard let m else { return nil }
            offset = (h * 60 + m) * (f == "-" ? -1 : 1)
        } else {
            offset = FeedDate.zones[zone] ?? 0
        }
        var hms: [Int] = []
        for t in time {
            // Bounded before the conversion: a fuzzed "00.1555…5Z" must not trap.
            guard let v = Double(t), v.isFinite, !t.isEmpty, abs(v) < 1e6 else { return nil }
            hms.append(Int(v))
        }
        return CivilTime.date(y, mo, d, hms[0], hms[1], hms[2], offsetMinutes: offset)
    }
}

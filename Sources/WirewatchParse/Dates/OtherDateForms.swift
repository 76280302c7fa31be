import Foundation

/// Compact ISO 8601 forms feedparser accepts: `20031231T101455Z`,
/// `20031231`, ordinal `2003-335` / `2003335`, with optional zone.
enum ISO8601Compact {
    static func parse(_ s: String) -> Date? {
        let parts = s.split(separator: "t", maxSplits: 1, omittingEmptySubsequences: false)
        let datePart = parts[0]
        var y = 0, mo = 1, d = 1
        let digits = datePart.filter { $0 != "-" }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), !digits.isEmpty else { return nil }
        switch digits.count {
        case 8:
            y = Int(digits.prefix(4))!; mo = Int(digits.dropFirst(4).prefix(2))!; d = Int(digits.suffix(2))!
        case 7:
            y = Int(digits.prefix(4))!
            let ord = Int(digits.suffix(3))!
            guard ord >= 1, ord <= (CivilTime.isLeap(y) ? 366 : 365) else { return nil }
            let (yy, mm, dd) = CivilTime.civilFromDays(CivilTime.daysFromCivil(y, 1, 1) + ord - 1)
            y = yy; mo = mm; d = dd
        case 6 where datePart.count == 6:
            y = Int(digits.prefix(2))! + 2000; mo = Int(digits.dropFirst(2).prefix(2))!; d = Int(digits.suffix(2))!
        default:
            return nil
        }
        var h = 0, mi = 0, se = 0, offset = 0
        if parts.count == 2 {
            var t = Substring(parts[1])
            if t.hasSuffix("z") { t = t.dropLast() }
            if let i = t.firstIndex(where: { $0 == "+" || $0 == "-" }) {
                guard let o = FeedDate.numericOffset(t[i...]) else { return nil }
                offset = o
                t = t[..<i]
            }
            let td = t.split(separator: ".").first.map { $0.filter { $0 != ":" } } ?? ""
            guard td.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            let a = Array(td)
            if a.count >= 2 { h = Int(String(a[0..<2]))! }
            if a.count >= 4 { mi = Int(String(a[2..<4]))! }
            if a.count >= 6 { se = Int(String(a[4..<6]))! }
        }
        return CivilTime.date(y, mo, d, h, mi, se, offsetMinutes: offset)
    }
}

/// asctime: `sun jan  4 16:29:06 pst 2004` or `mon jan 12 14:35:06 2004`.
enum Asctime {
    static func parse(_ s: String) -> Date? {
        let p = s.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard p.count == 5 || p.count == 6 else { return nil }
        guard RFC822.daynames.contains(p[0].prefix(3)), let mo = FeedDate.months[String(p[1].prefix(3))],
              let d = Int(p[2]) else { return nil }
        let year = p.count == 6 ? p[5] : p[4]
        guard let y = Int(year) else { return nil }
        let t = p[3].split(separator: ":").map { Int($0) }
        guard t.count == 3, let h = t[0], let mi = t[1], let se = t[2] else { return nil }
        var offset = 0
        if p.count == 6 {
            offset = FeedDate.numericOffset(p[4]) ?? FeedDate.zones[String(p[4])] ?? 0
        }
        return CivilTime.date(y, mo, d, h, mi, se, offsetMinutes: offset)
    }
}

/// The European numeric form some CMSes print: `22.11.2026[ 10:05[:30]][ zone]`
/// (day first: with dots it is never month first).
enum DottedDate {
    static func parse(_ s: String) -> Date? {
        let p = s.split(separator: " ")
        guard p.count >= 1, p.count <= 3 else { return nil }
        let fields = p[0].split(separator: ".", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[2].count == 4,
              let dd = Int(fields[0]), let mo = Int(fields[1]), let y = Int(fields[2]) else { return nil }
        var h = 0, mi = 0, se = 0, offset = 0
        if p.count >= 2 {
            let t = p[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard t.count == 2 || t.count == 3, let th = t[0], let tm = t[1] else { return nil }
            h = th; mi = tm
            if t.count == 3 { guard let ts = t[2] else { return nil }; se = ts }
        }
        if p.count == 3 {
            guard let o = FeedDate.numericOffset(p[2]) ?? FeedDate.zones[String(p[2])] else { return nil }
            offset = o
        }
        return CivilTime.date(y, mo, dd, h, mi, se, offsetMinutes: offset)
    }
}

import Foundation

/// Feed date parsing into UTC, by hand (no DateFormatter on the hot path).
///
/// Tries, in feedparser's order: W3C-DTF / RFC 3339 (and MSSQL-style
/// `2004-07-08 23:56:58.0`), RFC 822/1123/2822 (weekday optional, 2- or
/// 4-digit years, named and numeric zones, day/month swapped), compact
/// ISO 8601 (`20031231T101455Z`, ordinal `2003-335`), asctime, day-first
/// dotted dates (`22.11.2026 10:05`), numeric dates with slashes when
/// unambiguous (Perforce's `2004/07/08 23:56:58`, `2026/11/23 10:00`,
/// `11/23/2026 10:00 AM`, `23/11/2026`), and Unix times (`1700000000`).
/// IANA zone names (`Europe/Paris`) are read from the time-zone database.
/// Anything else is nil, never "now".
public enum FeedDate {
    public static func parse(_ s: String) -> Date? {
        CanonicalDate.parse(s) ?? parseByForm(s)
    }

    /// Every form in turn, without the shortcut for the canonical one (which
    /// the tests check against this).
    static func parseByForm(_ s: String) -> Date? {
        let t = Text.strip(s)
        guard !t.isEmpty, t.utf8.count < 128 else { return nil }
        let lower = t.lowercased()
        // W3C-DTF needs a four-digit year up front; skipping it for the
        // common RFC 822 form saves its work without changing any result.
        if let f = lower.utf8.first, f >= 48, f <= 57, let d = W3CDTF.parse(lower) { return d }
        return RFC822.parse(lower) ?? ISO8601Compact.parse(lower) ?? Asctime.parse(lower)
            ?? DottedDate.parse(lower) ?? SlashDate.parse(lower) ?? UnixTime.parse(lower)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (whole seconds, UTC), as SCHEMA.md asks.
    public static func iso(_ d: Date) -> String {
        let secs = Int(d.timeIntervalSince1970.rounded(.down))
        var days = secs / 86400
        var rem = secs % 86400
        if rem < 0 { rem += 86400; days -= 1 }
        let (y, m, dd) = CivilTime.civilFromDays(days)
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var ys = String(y)
        while ys.count < 4 { ys = "0" + ys }
        return "\(ys)-\(p2(m))-\(p2(dd))T\(p2(rem / 3600)):\(p2(rem % 3600 / 60)):\(p2(rem % 60))Z"
    }

    /// Zone names → minutes east of UTC.
    static let zones: [String: Int] = {
        var z: [String: Int] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
            "adt": -180, "ast": -240, "at": -240,
            "edt": -240, "est": -300, "et": -300,
            "cdt": -300, "cst": -360, "ct": -360,
            "mdt": -360, "mst": -420, "mt": -420,
            "pdt": -420, "pst": -480, "pt": -480,
            "akst": -540, "akdt": -480, "hst": -600,
            "bst": 60, "ist": 330, "cet": 60, "met": 60, "mez": 60, "cest": 120, "mest": 120, "mesz": 120,
            "eet": 120, "eest": 180, "west": 60, "msk": 180, "jst": 540, "kst": 540,
            "aest": 600, "aedt": 660, "nzst": 720, "nzdt": 780,
            // More abbreviations outlets print (the ambiguous IST is India's, as above).
            "acst": 570, "acdt": 630, "awst": 480, "nst": -210, "ndt": -150,
            "sgt": 480, "hkt": 480, "pht": 480, "myt": 480, "wib": 420, "ict": 420,
            "pkt": 300, "npt": 345, "gst": 240, "irst": 210, "idt": 180, "eat": 180, "trt": 180,
            "cat": 120, "sast": 120, "wat": 60, "brt": -180, "art": -180, "clt": -240,
            "cot": -300, "pet": -300, "hdt": -540, "chst": 600,
        ]
        // Military letters (RFC 822's table, as feedparser reads it: A = -1 h).
        for (i, c) in "abcdefghiklm".enumerated() { z[String(c)] = -(i + 1) * 60 }
        for (i, c) in "nopqrstuvwxy".enumerated() { z[String(c)] = (i + 1) * 60 }
        return z
    }()

    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// A month name (lower-cased): English by its first three letters, as
    /// feedparser reads it, then the French, German, Spanish, Italian,
    /// Portuguese and Dutch abbreviations hand-made feeds print.
    static func month(_ name: Substring) -> Int? {
        if let m = months[String(name.prefix(3))] { return m }
        let word = name.hasSuffix(".") ? name.dropLast() : name
        if let m = localMonths[String(word.prefix(4))] { return m }
        return localMonths[String(word.prefix(3))]
    }

    static let localMonths: [String: Int] = [
        "janv": 1, "ene": 1, "gen": 1, "jän": 1,
        "févr": 2, "fév": 2, "fevr": 2, "fev": 2,
        "mars": 3, "mär": 3, "mrz": 3, "mrt": 3,
        "avr": 4, "abr": 4,
        "mai": 5, "mag": 5, "mei": 5,
        "juin": 6, "giu": 6,
        "juil": 7, "lug": 7,
        "août": 8, "aoû": 8, "aou": 8, "ago": 8,
        "set": 9,
        "okt": 10, "ott": 10, "out": 10,
        "déc": 12, "dez": 12, "dic": 12,
    ]

    /// `+hh:mm`, `+hhmm`, `+hh`, `-…`; nil when not numeric.
    static func numericOffset(_ z: Substring) -> Int? {
        guard let f = z.first, f == "+" || f == "-" else { return nil }
        let digits = z.dropFirst().filter { $0 != ":" }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII), let v = Int(digits) else { return nil }
        let (h, m) = digits.count <= 2 ? (v, 0) : (v / 100, v % 100)
        let total = h * 60 + m
        return f == "-" ? -total : total
    }
}

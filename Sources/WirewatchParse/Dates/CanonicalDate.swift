import Foundation

/// The forms nearly every feed uses, read straight from the bytes:
/// W3C-DTF `2026-01-15[T05:52[:52[.123]](Z|±hh:mm)]` and RFC 822
/// `[Thu, ]15 Jan 2026 05:52[:52] (GMT|UTC|EST|…|±hhmm)`. A hit gives
/// exactly what the general parsers (`W3CDTF`, `RFC822`) give for the same
/// text; anything else (other spacing, unusual zones, impossible fields)
/// returns nil and takes the general path.
enum CanonicalDate {
    static func parse(_ s: String) -> Date? {
        var s = s
        return s.withUTF8 { b -> Date? in
            guard b.count >= 10, b.count <= 40 else { return nil }
            let f = b[0]
            if f >= 48 && f <= 57 { return b[4] == 45 ? w3c(b) : rfc822(b, 0) }
            return b[3] == 44 && b[4] == 32 && days.contains(pack3(b, 0)) ? rfc822(b, 5) : nil
        }
    }

    @inline(__always) private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ n: Int) -> Int? {
        guard at + n <= b.count else { return nil }
        var v = 0
        for k in at..<(at + n) {
            let c = b[k]
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    @inline(__always) private static func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }

    private static func w3c(_ b: UnsafeBufferPointer<UInt8>) -> Date? {
        let n = b.count
        guard b[7] == 45, let y = digits(b, 0, 4), let mo = digits(b, 5, 2), let d = digits(b, 8, 2) else { return nil }
        if n == 10 { return CivilTime.date(y, mo, d, 0, 0, 0, offsetMinutes: 0) }
        guard n >= 17, lower(b[10]) == 116, b[13] == 58, let h = digits(b, 11, 2), let mi = digits(b, 14, 2) else { return nil }
        var i = 16
        var se = 0
        if b[i] == 58 {
            guard let s = digits(b, i + 1, 2) else { return nil }
            se = s
            i += 3
            if i < n, b[i] == 46 {   // fraction: truncated, as Int(Double("52.9")) does
                var j = i + 1
                while j < n, b[j] >= 48, b[j] <= 57 { j += 1 }
                guard j > i + 1 else { return nil }
                i = j
            }
        }
        guard i < n else { return nil }
        var offset = 0
        if lower(b[i]) == 122 {
            guard i + 1 == n else { return nil }
        } else {
            let sign = b[i]
            guard sign == 43 || sign == 45, i + 6 == n, b[i + 3] == 58,
                  let oh = digits(b, i + 1, 2), let om = digits(b, i + 4, 2) else { return nil }
            offset = (oh * 60 + om) * (sign == 45 ? -1 : 1)
        }
        return CivilTime.date(y, mo, d, h, mi, se, offsetMinutes: offset)
    }

    private static let days: [UInt32] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(pack3)
    private static let months: [UInt32] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map(pack3)
    private static func pack3(_ s: String) -> UInt32 { s.utf8.reduce(0) { $0 << 8 | UInt32($1) } }
    @inline(__always) private static func pack3(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        UInt32(lower(b[at])) << 16 | UInt32(lower(b[at + 1])) << 8 | UInt32(lower(b[at + 2]))
    }

    /// From `at`: `D[D] Mon YYYY hh:mm[:ss] ZONE`, single spaces, nothing after.
    private static func rfc822(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> Date? {
        let n = b.count
        var i = at
        guard let d1 = digits(b, i, 1) else { return nil }
        var d = d1
        i += 1
        if i < n, let d2 = digits(b, i, 1) { d = d * 10 + d2; i += 1 }
        guard i + 19 <= n, b[i] == 32, b[i + 4] == 32, b[i + 9] == 32, b[i + 12] == 58,
              let mIndex = months.firstIndex(of: pack3(b, i + 1)), let y = digits(b, i + 5, 4),
              let h = digits(b, i + 10, 2), let mi = digits(b, i + 13, 2) else { return nil }
        i += 15
        var se = 0
        if b[i] == 58 {
            guard let s = digits(b, i + 1, 2) else { return nil }
            se = s
            i += 3
        }
        guard i + 2 < n, b[i] == 32 else { return nil }
        i += 1
        var offset = 0
        let sign = b[i]
        if sign == 43 || sign == 45 {
            guard i + 5 == n, let oh = digits(b, i + 1, 2), let om = digits(b, i + 3, 2) else { return nil }
            offset = (oh * 60 + om) * (sign == 45 ? -1 : 1)
        } else {
            // A zone name: letters only; gmt/utc/etc forms with suffixes go the general way.
            let len = n - i
            guard len >= 1, len <= 4 else { return nil }
            var name = ""
            for k in i..<n {
                let c = lower(b[k])
                guard c >= 97, c <= 122 else { return nil }
                name.unicodeScalars.append(Unicode.Scalar(c))
            }
            if name == "gmt" || name == "utc" {
                offset = 0
            } else {
                guard !name.hasPrefix("gmt"), !name.hasPrefix("utc"), !name.hasPrefix("etc") else { return nil }
                offset = FeedDate.zones[name] ?? 0
            }
        }
        return CivilTime.date(y, mIndex + 1, d, h, mi, se, offsetMinutes: offset)
    }
}

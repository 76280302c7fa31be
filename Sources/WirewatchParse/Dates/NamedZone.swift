import Foundation

/// Zones written as names rather than offsets: the abbreviations outlets
/// print (`EST`, `CEST`, `SGT`) and IANA names (`Europe/Paris`,
/// `America/New_York`), which some CMSes put where RFC 822 wants an offset.
/// An IANA name's offset depends on the date (summer time), so it is asked
/// of Foundation's time-zone database; that is the slow path, taken only
/// for a zone with a `/` in it, and is why it is not in the `zones` table.
enum NamedZone {
    /// Minutes east of UTC of the IANA zone `name` (any case) for the
    /// wall-clock time `local` (seconds since 1970 as if it were UTC); nil
    /// for a name the database does not know.
    static func offset(iana name: Substring, local: Int) -> Int? {
        guard let zone = timeZone(named: name) else { return nil }
        // The offset at the UTC instant the wall time would be at the zone's
        // standard offset, then once more at the corrected instant: right
        // except inside the hour a clock change skips or repeats.
        let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
        let second = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - first)))
        return second / 60
    }

    /// The zone for an IANA name in any case (`europe/paris`, `Etc/GMT+5`).
    static func timeZone(named name: Substring) -> TimeZone? {
        if let identifier = identifiers[name.lowercased()] { return TimeZone(identifier: identifier) }
        // Links the list leaves out (`Asia/Kolkata` for ICU's `Asia/Calcutta`)
        // are still accepted by name, in the database's usual capitals.
        return TimeZone(identifier: titleCased(name))
    }

    /// `america/new_york` → `America/New_York`.
    private static func titleCased(_ name: Substring) -> String {
        var out = ""
        var upper = true
        for c in name {
            if upper { out += c.uppercased() } else { out.append(c) }
            upper = c == "/" || c == "_"
        }
        return out
    }

    /// Lower-cased IANA name → its spelling in the database, read once.
    private static let identifiers: [String: String] = {
        var map: [String: String] = [:]
        for identifier in TimeZone.knownTimeZoneIdentifiers { map[identifier.lowercased()] = identifier }
        return map
    }()
}

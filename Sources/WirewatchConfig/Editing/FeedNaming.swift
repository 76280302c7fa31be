import Foundation

/// Names for feeds that arrive without one: a slug of the feed's title (or of its URL's
/// host), kept to the alphabet of config names and made unique among the existing ones.
public enum FeedNaming {
    /// `"The Guardian — US news"` → `"the-guardian-us-news"`; nil when nothing usable is left.
    public static func slug(_ text: String) -> String? {
        // Diacritics folded first so that "Québec" gives "quebec" rather than "qu-bec".
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let limit = NameRules.maximumLength - 8
        var slug = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
            // Room left for a "-N" suffix within the name length limit; a long title
            // is cut after its last whole word, not in the middle of one.
            if slug.count > limit { break }
        }
        if slug.count > limit {
            let cut = slug.index(slug.startIndex, offsetBy: limit)
            let midWord = slug[cut] != "-" && slug[slug.index(before: cut)] != "-"
            slug = String(slug[..<cut])
            if midWord, let dash = slug.lastIndex(of: "-"), slug.distance(from: slug.startIndex, to: dash) >= 8 {
                slug = String(slug[..<dash])
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? nil : slug
    }

    /// A slug of the URL's host without "www." and the TLD: `https://www.wsws.org/en/rss.xml` → `wsws`.
    public static func slug(forURL url: String) -> String? {
        guard let host = URLComponents(string: url)?.host, !host.isEmpty else {
            let last = url.split(separator: "/").last.map(String.init) ?? url
            return slug((last as NSString).deletingPathExtension)
        }
        var parts = host.lowercased().split(separator: ".")
        if parts.first == "www" || parts.first == "feeds" || parts.first == "rss" { parts.removeFirst() }
        if parts.count > 1 { parts.removeLast() }
        return slug(parts.joined(separator: "-"))
    }

    /// `base`, or `base-2`, `base-3`… whichever is not in `existing`.
    public static func unique(_ base: String, among existing: Set<String>) -> String {
        guard existing.contains(base) else { return base }
        var number = 2
        while existing.contains("\(base)-\(number)") { number += 1 }
        return "\(base)-\(number)"
    }

    /// Why `name` cannot be a feed or tag name, or nil if it can.
    public static func problem(with name: String) -> String? {
        NameRules.problem(with: name)
    }
}

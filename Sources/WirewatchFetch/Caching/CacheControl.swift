/// The parts of a `Cache-Control` response header a feed poller cares about.
struct CacheControl: Sendable, Hashable {
    var maxAge: Int?
    var noCache = false
    var noStore = false

    /// Directives are comma-separated, case-insensitive, `name[=value]` with the
    /// value possibly quoted; unknown ones are ignored. A repeated or malformed
    /// `max-age` is ignored rather than guessed at.
    init(_ header: String) {
        var maxAges: [Int?] = []
        for directive in header.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingSpaces.lowercased()
            switch name {
            case "no-cache": noCache = true
            case "no-store": noStore = true
            case "max-age":
                var value = parts.count > 1 ? parts[1].trimmingSpaces : ""
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
                maxAges.append(HTTPDate.number(value, digits: 1...10))
            default: break
            }
        }
        if maxAges.count == 1 { maxAge = maxAges[0] }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

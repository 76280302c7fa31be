extension CanonicalLink {
    /// Whether a canonical link names a site's home page (`https://outlet.example/`,
    /// no path, no query) rather than an article. Newsletters, podcasts and some
    /// publishing systems link every item there: such a link says nothing about
    /// which article an item is, so it is neither an item's identity nor a
    /// reason to join two items into one story. (A query keeps the link an
    /// article's: `https://blog.example/?p=123` is a WordPress permalink.)
    public static func isHomePage(_ canonical: String) -> Bool {
        guard let schemeEnd = canonical.firstRange(of: "://") else { return false }
        let rest = canonical[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return !rest.isEmpty }
        return rest[slash...] == "/"
    }
}

import WirewatchCore

/// A feed's source compared loosely enough to spot the same feed written twice:
/// `HTTP://Example.org/feed` and `http://example.org/feed` are one feed.
struct FeedSourceKey: Hashable, Sendable {
    let source: FeedSource

    init(_ source: FeedSource) {
        switch source {
        case .file:
            self.source = source
        case .http(let url):
            // Scheme and host are case-insensitive; the path is not.
            guard let schemeEnd = url.range(of: "://") else { self.source = source; return }
            let afterScheme = url[schemeEnd.upperBound...]
            let hostEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
            let normalized = url[..<hostEnd].lowercased() + url[hostEnd...]
            self.source = .http(normalized)
        }
    }
}

import WirewatchConfig
import WirewatchCore
import WirewatchFetch
import WirewatchParse

/// What `wirewatch feeds add URL` checks before it touches the config: the URL is fetched
/// (with the daemon's own fetcher, so proxies, limits and file paths behave as they will
/// when polled); a web page is searched for the feed it advertises, else the usual feed
/// addresses of its site are tried; the feed must parse.
public struct FeedProbe: Sendable {
    /// A feed found and parsed.
    public struct Found: Sendable {
        /// What to write as the feed's `url`.
        public var url: String
        public var title: String?
        public var items: Int
        /// feedparser's version code: rss20, atom10, json11…
        public var version: String
        /// The web page the feed was discovered on, when the URL given was one.
        public var page: String?
        /// The page's other feed links, not taken.
        public var otherLinks: [FeedLink]
    }

    let fetcher: Fetcher
    let parser = FeedParser()

    public init(fetcher: Fetcher) {
        self.fetcher = fetcher
    }

    /// `url` is a feed or a page linking to one; `directory` resolves a relative path.
    public func probe(_ url: String, directory: String) async throws(FeedProbeError) -> Found {
        let response = try await fetch(url, directory: directory)
        guard FeedLinkFinder.looksLikeHTML(response.body, contentType: response.headers["content-type"]) else {
            return try parse(response, url: url, page: nil, others: [])
        }
        let links = FeedLinkFinder.links(in: response.body, pageURL: response.finalURL)
        guard let chosen = FeedLinkFinder.preferred(links) else {
            let guesses = Self.usualFeedURLs(page: response.finalURL)
            if let found = await firstFeed(among: guesses, page: url, directory: directory) { return found }
            let tried = guesses.isEmpty ? "" : " and none of \(guesses.joined(separator: ", ")) is a feed"
            throw FeedProbeError(
                "\(url) is a web page that advertises no feed (no <link rel=\"alternate\" type=\"application/rss+xml\"> or atom+xml or feed+json)\(tried); give the feed's own URL"
            )
        }
        let feedResponse = try await fetch(chosen.url, directory: directory)
        if FeedLinkFinder.looksLikeHTML(feedResponse.body, contentType: feedResponse.headers["content-type"]) {
            throw FeedProbeError("\(chosen.url), the feed advertised by \(url), is a web page too")
        }
        return try parse(feedResponse, url: chosen.url, page: url, others: links.filter { $0 != chosen })
    }

    /// Where publishing systems put the site's feed when a page does not say:
    /// `/feed` (WordPress, Substack), `/rss` (Ghost), `/feed.xml` (Jekyll),
    /// `/rss.xml`, `/atom.xml`, `/index.xml` (Hugo). Only the site's root: a
    /// WordPress post's own `feed/` is the feed of its comments. Only for http(s)
    /// pages; tried in order, one request each.
    static func usualFeedURLs(page: String) -> [String] {
        guard let schemeEnd = page.range(of: "://"),
              page.hasPrefix("http://") || page.hasPrefix("https://")
        else { return [] }
        let afterScheme = page[schemeEnd.upperBound...]
        let pathStart = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? afterScheme.endIndex
        let origin = String(page[..<pathStart])
        return ["/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml"].map { origin + $0 }
    }

    /// The first of `urls` that answers with a feed that parses.
    private func firstFeed(among urls: [String], page: String, directory: String) async -> Found? {
        for candidate in urls {
            guard let response = try? await fetch(candidate, directory: directory),
                  !FeedLinkFinder.looksLikeHTML(response.body, contentType: response.headers["content-type"]),
                  let found = try? parse(response, url: candidate, page: page, others: [])
            else { continue }
            return found
        }
        return nil
    }

    private func fetch(_ url: String, directory: String) async throws(FeedProbeError) -> FetchResponse {
        let source: FeedSource
        do {
            source = try Config.feedSource(url, directory: directory)
        } catch {
            throw FeedProbeError(error.message)
        }
        do {
            return try await fetcher.fetch(source)
        } catch {
            throw FeedProbeError(error.description)
        }
    }

    private func parse(_ response: FetchResponse, url: String, page: String?, others: [FeedLink]) throws(FeedProbeError) -> Found {
        let context = ParseContext(url: FeedPoller.documentURL(response.finalURL), headers: response.headers)
        let parsed = parser.parse(response.body, context: context)
        let empty = parsed.items.isEmpty && parsed.feed.title == nil
        if parsed.version.isEmpty || (parsed.isMalformed && empty) {
            let reason = parsed.problem.map { ": \($0)" } ?? ""
            throw FeedProbeError("\(url) is not a readable RSS, Atom or JSON feed\(reason)")
        }
        return Found(
            url: url, title: parsed.feed.title, items: parsed.items.count, version: parsed.version,
            page: page, otherLinks: others
        )
    }
}

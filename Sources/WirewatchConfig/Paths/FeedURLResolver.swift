import Foundation
import WirewatchCore

/// Turns a feed's `url` as written into a ``FeedSource``.
///
/// * `http://` / `https://` (scheme in any case) with a host → `.http`, kept as written;
/// * `file:///abs/path` or `file://localhost/abs/path` → `.file`, percent-decoded;
/// * anything without a scheme is a path: absolute as is, relative against the config's folder
///   (unless it starts like a host name, `example.org/feed`, and no such file exists: an error);
/// * any other scheme (`ftp:`, `feed:`, `mailto:` …) is an error (`feed:` with the URL to write).
enum FeedURLResolver {
    static func resolve(_ url: String, directory: String) -> Result<FeedSource, FeedURLError> {
        guard !url.isEmpty else { return .failure(FeedURLError("must not be empty")) }
        guard !url.contains(where: \.isWhitespace) else {
            return .failure(FeedURLError("must not contain spaces (percent-encode them as %20)"))
        }
        guard let scheme = scheme(of: url) else {
            let path = PathResolver.absolute(url, relativeTo: directory)
            // "example.org/feed" is a path here; a web address was surely meant
            // unless there is such a file.
            if namesAHost(url), !FileManager.default.fileExists(atPath: path) {
                return .failure(FeedURLError(
                    "'\(url)' reads as a file relative to the config, and there is none; for a web address write https://\(url)"))
            }
            return .success(.file(path))
        }
        switch scheme.lowercased() {
        case "http", "https":
            guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
                return .failure(FeedURLError("'\(url)' is not a valid \(scheme.lowercased()) URL (no host)"))
            }
            return .success(.http(url))
        case "file":
            return fileSource(url)
        case "feed":
            // A browser's label for a feed link (feed://host/path, feed:https://host/path).
            let rest = url.dropFirst("feed:".count)
            let target = rest.lowercased().hasPrefix("http") ? String(rest) : "https:" + rest
            return .failure(FeedURLError("unsupported URL scheme '\(scheme)' (a browser's feed link: write \(target))"))
        default:
            return .failure(FeedURLError("unsupported URL scheme '\(scheme)' (use http, https, file, or a path)"))
        }
    }

    /// Whether a path's first segment reads as a host name (`example.org`,
    /// `www.outlet.co.uk`): a dot, and a last label of 2–24 letters that is not a
    /// feed file's extension.
    private static func namesAHost(_ path: String) -> Bool {
        let first = path.prefix { $0 != "/" }
        guard !first.hasPrefix("."), let dot = first.lastIndex(of: ".") else { return false }
        let label = first[first.index(after: dot)...].lowercased()
        let extensions: Set<String> = ["xml", "rss", "atom", "rdf", "json", "txt", "html", "htm", "opml", "feed", "gz"]
        return (2...24).contains(label.count) && label.allSatisfy { $0.isASCII && $0.isLetter }
            && !extensions.contains(label)
    }

    /// `scheme` of `scheme:…` per RFC 3986 (a letter, then letters, digits, `+ - .`).
    /// A relative path such as `samples/a:b.xml` has a `/` first, so it has no scheme.
    private static func scheme(of url: String) -> Substring? {
        guard let colon = url.firstIndex(of: ":"), colon > url.startIndex else { return nil }
        let candidate = url[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return candidate
    }

    private static func fileSource(_ url: String) -> Result<FeedSource, FeedURLError> {
        let rest = url.dropFirst("file:".count)
        guard rest.hasPrefix("//") else {
            return .failure(FeedURLError("file URLs are written file:///absolute/path"))
        }
        var path = rest.dropFirst(2)
        if path.lowercased().hasPrefix("localhost/") { path = path.dropFirst("localhost".count) }
        guard path.hasPrefix("/") else {
            return .failure(FeedURLError(
                "file URLs need an absolute path (file:///…); for a path relative to the config, write it without file://"
            ))
        }
        guard let decoded = String(path).removingPercentEncoding else {
            return .failure(FeedURLError("bad percent-encoding in '\(url)'"))
        }
        return .success(.file(PathResolver.normalize(decoded)))
    }
}

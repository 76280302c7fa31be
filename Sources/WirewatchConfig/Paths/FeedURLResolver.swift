import Foundation
import WirewatchCore

/// Turns a feed's `url` as written into a ``FeedSource``.
///
/// * `http://` / `https://` (scheme in any case) with a host → `.http`, kept as written;
/// * `file:///abs/path` or `file://localhost/abs/path` → `.file`, percent-decoded;
/// * anything without a scheme is a path: absolute as is, relative against the config's folder;
/// * any other scheme (`ftp:`, `feed:`, `mailto:` …) is an error.
enum FeedURLResolver {
    static func resolve(_ url: String, directory: String) -> Result<FeedSource, FeedURLError> {
        guard !url.isEmpty else { return .failure(FeedURLError("must not be empty")) }
        guard !url.contains(where: \.isWhitespace) else {
            return .failure(FeedURLError("must not contain spaces (percent-encode them as %20)"))
        }
        guard let scheme = scheme(of: url) else {
            return .success(.file(PathResolver.absolute(url, relativeTo: directory)))
        }
        switch scheme.lowercased() {
        case "http", "https":
            guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
                return .failure(FeedURLError("'\(url)' is not a valid \(scheme.lowercased()) URL (no host)"))
            }
            return .success(.http(url))
        case "file":
            return fileSource(url)
        default:
            return .failure(FeedURLError("unsupported URL scheme '\(scheme)' (use http, https, file, or a path)"))
        }
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

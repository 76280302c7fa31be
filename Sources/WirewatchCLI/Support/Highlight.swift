import Foundation
import WirewatchArchive
import WirewatchNotify

/// Renders search snippets: matched terms in bold on a terminal (unless NO_COLOR),
/// in [brackets] otherwise.
enum Highlight {
    static var useColor: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func render(_ snippet: String, color: Bool = useColor) -> String {
        let start = color ? "\u{1B}[1m" : "["
        let end = color ? "\u{1B}[0m" : "]"
        // Sanitize feed text first, then put our own markers back.
        return snippet
            .split(separator: SearchHit.markStart, omittingEmptySubsequences: false)
            .map { $0.split(separator: SearchHit.markEnd, omittingEmptySubsequences: false).map { TerminalText.sanitize(String($0)) }.joined(separator: end) }
            .joined(separator: start)
    }

    /// For JSON: markers become `<b>`…`</b>`.
    static func html(_ snippet: String) -> String {
        snippet.replacingOccurrences(of: String(SearchHit.markStart), with: "<b>")
            .replacingOccurrences(of: String(SearchHit.markEnd), with: "</b>")
    }
}

import Foundation
import Logging
import WirewatchCore
import WirewatchNotify

/// An alert sink that remembers what it was given.
actor RecordingSink: AlertSink {
    nonisolated let name = "recording"
    private(set) var alerts: [Alert] = []

    func deliver(_ alert: Alert) async throws { alerts.append(alert) }
}

let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

/// A small RSS 2.0 document with the given (guid, title, description) items.
func rss(_ items: [(String, String, String)]) -> String {
    let entries = items.map { guid, title, text in
        """
        <item><guid>\(guid)</guid><title>\(title)</title><link>https://news.example.org/\(guid)</link>
        <description>\(text)</description><pubDate>Sat, 21 Nov 2026 06:00:00 GMT</pubDate></item>
        """
    }.joined(separator: "\n")
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Test feed</title><link>https://news.example.org/</link>
        <description>d</description>
        \(entries)
        </channel></rss>
        """
}

/// The start of most test configs: the archive and the alert log in the test's
/// folder, and no delay between requests to the one loopback host.
let configPreamble = """
    [archive]
    path = "archive.sqlite"
    [notify]
    log = "alerts.log"
    [poll]
    host_delay = "0s"
    """

import Foundation
import Logging
import Synchronization
import Testing
import WirewatchConfig
import WirewatchTesting
@testable import WirewatchDaemon

/// Keeps every log record, for tests that check what the daemon says.
final class RecordedLog: Sendable {
    let records = Mutex<[(level: Logger.Level, message: String)]>([])

    var logger: Logger {
        Logger(label: "test") { _ in Handler(log: self) }
    }

    struct Handler: LogHandler {
        let log: RecordedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(
            level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String,
            file: String, function: String, line: UInt
        ) {
            log.records.withLock { $0.append((level, message.description)) }
        }
    }
}

@Suite("Broken feeds in the log")
struct BrokenFeedTests {
    /// A feed that is always a little broken is said once at warning level, then at
    /// debug level while the reason stays the same; a new reason is said again.
    @Test func aRepeatedMalformedFeedWarningIsLoggedOnce() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let broken = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>B & Co</title>
            <item><title>One</title><link>https://b.example/1</link></item>
            </channel></rss>
            """
        _ = try dir.write("broken.xml", broken)
        let file = try dir.write("wirewatch.toml", """
            [archive]
            path = "archive.sqlite"
            [[feed]]
            name = "broken"
            url = "broken.xml"
            """)
        let log = RecordedLog()
        let daemon = try Daemon(config: try Config.load(path: file), sinks: [], logger: log.logger)
        _ = await daemon.runOnce()
        _ = await daemon.runOnce()
        func warnings() -> [String] {
            log.records.withLock { $0.filter { $0.level == .warning && $0.message.contains("malformed") }.map(\.message) }
        }
        #expect(warnings().count == 1)
        #expect(log.records.withLock { $0.contains { $0.level == .debug && $0.message.contains("malformed") } })
        _ = try dir.write("broken.xml", broken.replacingOccurrences(of: "</channel></rss>", with: "<item><title>Two"))
        _ = await daemon.runOnce()
        #expect(warnings().count == 2)
        await daemon.shutdown()
    }

    /// One cycle over the feed files of `dir` (name → file), with the error lines it logged.
    func runOnce(_ dir: TemporaryDirectory, feeds: [(name: String, file: String)]) async throws -> (summary: RunSummary, errors: [String]) {
        let tables = feeds.map { "[[feed]]\nname = \"\($0.name)\"\nurl = \"\($0.file)\"" }.joined(separator: "\n")
        let file = try dir.write("wirewatch.toml", "[archive]\npath = \"archive.sqlite\"\n" + tables + "\n")
        let log = RecordedLog()
        let daemon = try Daemon(config: try Config.load(path: file), sinks: [], logger: log.logger)
        let summary = await daemon.runOnce()
        await daemon.shutdown()
        return (summary, log.records.withLock { $0.filter { $0.level == .error }.map(\.message) })
    }

    /// A web page where the feed was (a bot check, a login wall) fails the poll with a
    /// clear reason instead of passing as a feed with nothing new; an empty feed passes.
    @Test func aWebPageInsteadOfTheFeedIsAFailure() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.write("page.xml", "<!DOCTYPE html><html><head><title>Just a moment…</title></head><body><p>Checking your browser</p></body></html>")
        // Cloudflare's challenge page: not well-formed (an unclosed <meta>), so the
        // parser's own complaint would be about tags.
        _ = try dir.write("challenge.xml", """
            \u{FEFF}
              <!DOCTYPE html><html lang="en-US"><head><title>
              Just a   moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
            </head><body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>
            """)
        _ = try dir.write("other.xml", #"<?xml version="1.0"?><catalog><book>Not a feed</book></catalog>"#)
        _ = try dir.write("empty.xml", #"<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>"#)
        let (summary, errors) = try await runOnce(
            dir, feeds: [("page", "page.xml"), ("challenge", "challenge.xml"), ("other", "other.xml"), ("empty", "empty.xml")])
        #expect(summary.feeds == 4)
        #expect(summary.failed == 3)
        #expect(Set(errors) == [
            "feed failed: not a readable feed: an HTML page, not a feed (“Just a moment…”): a bot check, a login wall or a moved feed?",
            "feed failed: not a readable feed: an HTML page, not a feed (“Just a moment...”): a bot check, a login wall or a moved feed?",
            "feed failed: not a readable feed: no RSS, Atom or JSON Feed in the document (a web page?)",
        ])
    }

    /// A `.gz` file served as it is (or a body compressed twice) is named for what it is.
    @Test func aGzipFileWhereTheFeedWasIsAFailureThatSaysSo() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]).write(to: URL(fileURLWithPath: dir.file("feed.xml")))
        let (summary, errors) = try await runOnce(dir, feeds: [("gz", "feed.xml")])
        #expect(summary.failed == 1)
        #expect(errors.count == 1)
        #expect(errors.first?.contains("gzip-compressed data the server did not announce") == true)
    }
}

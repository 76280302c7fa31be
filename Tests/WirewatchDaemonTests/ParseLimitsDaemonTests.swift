import Foundation
import Testing
import WirewatchArchive
import WirewatchConfig
import WirewatchTesting
@testable import WirewatchDaemon

@Suite("[parse] limits in the daemon")
struct ParseLimitsDaemonTests {
    @Test func documentsOverMaxSizeAreRefusedAndTheOthersStored() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let server = try await FeedServer.start()
        // ~100 KB: over a 64 KB limit, far under the 32 MB default.
        let padding = String(repeating: "Council budget hearing notes. ", count: 3_500)
        let big = rss([("b1", "A long feed", padding)])
        server.route("/big.xml", .ok(body: big))
        server.route("/small.xml", .ok(body: rss([("s1", "A short feed", "Short.")])))
        try dir.write("big.xml", big)
        let file = try dir.write("wirewatch.toml", """
            \(configPreamble)
            [parse]
            max_size = "64KB"
            max_depth = 32
            [[feed]]
            name = "big"
            url = "\(server.url("/big.xml"))"
            [[feed]]
            name = "small"
            url = "\(server.url("/small.xml"))"
            [[feed]]
            name = "big-file"
            url = "big.xml"
            """)
        let config = try Config.load(path: file)
        #expect(Daemon.parser(config).options.maxDocumentBytes == 64 << 10)
        #expect(Daemon.parser(config).options.maxDepth == 32)
        let daemon = try Daemon(config: config, sinks: [RecordingSink()], logger: quietLogger)
        let run = await daemon.runOnce()
        #expect(run.feeds == 3)
        #expect(run.failed == 2)
        #expect(run.newItems == 1)
        await daemon.shutdown()
        try await server.stop()

        let archive = try Archive(path: dir.path + "/archive.sqlite")
        let errors = Dictionary(uniqueKeysWithValues: try archive.feedStatuses().map { ($0.name, $0.lastError ?? "") })
        #expect(errors["big"]?.contains("larger than 65536 bytes") == true)
        #expect(errors["big-file"]?.contains("larger than 65536 bytes") == true)
        #expect(errors["small"] == "")
    }
}

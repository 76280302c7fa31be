import Foundation
import GRDB
import Testing
import WirewatchTesting

/// SIGHUP re-reads the config: a valid one adds the new feed at once; a broken
/// one is refused and the daemon goes on with the config it has.
@Suite("Daemon reload")
struct ReloadTests {
    func config(feeds: [String], broken: Bool = false) -> String {
        var text = "[archive]\npath = \"archive.sqlite\"\n"
        for feed in feeds { text += "[[feed]]\nname = \"\(feed)\"\nurl = \"\(feed).xml\"\n" }
        if broken { text += "[[feed]]\nname = \"bad\"\nurll = \"x.xml\"\n" }
        return text
    }

    func polledFeeds(_ path: String) -> Set<String> {
        guard let queue = try? DatabaseQueue(path: path),
              let names = try? queue.read({ db in try String.fetchAll(db, sql: "SELECT name FROM feed WHERE last_fetch_at IS NOT NULL") })
        else { return [] }
        return Set(names)
    }

    @Test func sighupReloadsAValidConfigAndKeepsTheOldOneOtherwise() throws {
        try #require(FileManager.default.isExecutableFile(atPath: KilledDaemonTests.binary), "build the wirewatch product first")
        let dir = try TemporaryDirectory("reload")
        defer { dir.remove() }
        try dir.write("a.xml", rss([("a1", "First", "text")]))
        try dir.write("b.xml", rss([("b1", "Second", "text")]))
        let file = try dir.write("wirewatch.toml", config(feeds: ["a"]))
        let socketPath = dir.file("notify.sock")
        let notify = SystemdNotifierTests()
        let listener = try notify.listen(at: socketPath)
        defer { close(listener) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: KilledDaemonTests.binary)
        process.arguments = ["run", "--config", file, "--log-level", "error"]
        process.environment = ["NOTIFY_SOCKET": socketPath, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        var messages: [String] = []
        func wait(until done: () -> Bool, seconds: Int = 20) {
            for _ in 0..<(seconds * 20) where !done() {
                let message = notify.receive(listener)
                if message.isEmpty { usleep(50_000) } else { messages.append(message) }
            }
        }
        func count(_ prefix: String) -> Int { messages.filter { $0.hasPrefix(prefix) }.count }
        let archive = dir.file("archive.sqlite")

        wait(until: { count("READY=1") == 1 && polledFeeds(archive).contains("a") })
        #expect(polledFeeds(archive) == ["a"])

        try dir.write("wirewatch.toml", config(feeds: ["a", "b"]))
        kill(process.processIdentifier, SIGHUP)
        wait(until: { polledFeeds(archive).contains("b") })
        #expect(count("RELOADING=1") == 1)
        #expect(polledFeeds(archive) == ["a", "b"])

        try dir.write("wirewatch.toml", config(feeds: ["a"], broken: true))
        kill(process.processIdentifier, SIGHUP)
        wait(until: { count("READY=1") == 3 })
        #expect(process.isRunning)

        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

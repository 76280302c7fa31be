import Foundation
import Testing
import WirewatchTesting

/// `wirewatch run` under a stand-in for systemd: it reports READY=1, and on a
/// real SIGTERM reports STOPPING=1 and exits cleanly within the 10 s systemd allows.
@Suite("Daemon lifecycle")
struct ShutdownTests {
    @Test func sigtermStopsTheDaemonCleanly() throws {
        try #require(FileManager.default.isExecutableFile(atPath: KilledDaemonTests.binary), "build the wirewatch product first")
        let dir = try TemporaryDirectory("lifecycle")
        defer { dir.remove() }
        try dir.write("feed.xml", rss([("g1", "General strike in Minneapolis", "Twin Cities")]))
        let config = try dir.write("wirewatch.toml", """
            [archive]
            path = "archive.sqlite"
            [[feed]]
            name = "local"
            url = "feed.xml"
            [[alert]]
            name = "strike"
            match = '"general strike"'
            """)
        let socketPath = dir.file("notify.sock")
        let listener = try SystemdNotifierTests().listen(at: socketPath)
        defer { close(listener) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: KilledDaemonTests.binary)
        process.arguments = ["run", "--config", config, "--log-level", "error"]
        process.environment = ["NOTIFY_SOCKET": socketPath, "PATH": "/usr/bin:/bin"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        var messages: [String] = []
        func wait(for state: String, seconds: Int) {
            for _ in 0..<(seconds * 20) where !messages.contains(where: { $0.hasPrefix(state) }) {
                let message = SystemdNotifierTests().receive(listener)
                if message.isEmpty { usleep(50_000) } else { messages.append(message) }
            }
        }
        wait(for: "READY=1", seconds: 20)
        #expect(messages.contains { $0.hasPrefix("READY=1") })

        let stopAsked = Date()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        wait(for: "STOPPING=1", seconds: 2)
        #expect(messages.contains { $0.hasPrefix("STOPPING=1") })
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        // The systemd stop budget, not a speed check.
        #expect(Date().timeIntervalSince(stopAsked) < 10)
    }
}

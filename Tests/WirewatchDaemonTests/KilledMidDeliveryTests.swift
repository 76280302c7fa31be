import Foundation
import GRDB
import Testing
import WirewatchArchive
import WirewatchTesting

/// A daemon killed with SIGKILL while a sink is delivering: the alert in flight
/// was never recorded as delivered, so the next run sends it again (at least
/// once, same alert id for the receiver to drop), sends the ones never tried,
/// and repeats none that were recorded. Runs the real `wirewatch` binary.
@Suite("Killed mid-delivery")
struct KilledMidDeliveryTests {
    static var binary: String { KilledDaemonTests.binary }

    func setUp(_ dir: TemporaryDirectory) throws -> String {
        let items = (1...3).map { n in
            "<item><guid>s\(n)</guid><title>General strike day \(n) in Minneapolis</title>"
                + "<link>https://n.example.org/\(n)</link><description>Story \(n): \(String(repeating: "word\(n * 31) ", count: 40))</description></item>"
        }.joined(separator: "\n")
        try dir.write("feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title>\n\(items)</channel></rss>")
        // Records each alert id it is handed; while `slow` exists, then hangs
        // (recording its pid, so the test can end it).
        let script = try dir.write("deliver.sh", """
            #!/bin/sh
            cat > /dev/null
            echo "$WIREWATCH_ALERT_ID" >> "\(dir.file("received.txt"))"
            if [ -e "\(dir.file("slow"))" ]; then
              echo $$ > "\(dir.file("sink.pid"))"
              exec sleep 60
            fi
            """)
        chmod(script, 0o755)
        return try dir.write("wirewatch.toml", """
            [archive]
            path = "archive.sqlite"
            [notify]
            log = "alerts.log"
            default = ["script"]
            [[sink]]
            name = "script"
            type = "exec"
            command = ["\(script)"]
            timeout = "2m"
            [[feed]]
            name = "f"
            url = "feed.xml"
            [[alert]]
            name = "strike"
            match = '"general strike"'
            """)
    }

    func start(_ config: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["run", "--once", "--config", config, "--log-level", "error"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func received(_ dir: TemporaryDirectory) -> [String] {
        ((try? String(contentsOfFile: dir.file("received.txt"), encoding: .utf8)) ?? "")
            .split(separator: "\n").map(String.init)
    }

    @Test func theAlertInFlightIsSentAgainAndNoOtherTwice() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the wirewatch product first (swift build)")
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try setUp(dir)
        try dir.write("slow", "")

        // First run: kill it once the sink has the first alert and hangs on it.
        let first = try start(config)
        var waited = 0
        while received(dir).isEmpty || !FileManager.default.fileExists(atPath: dir.file("sink.pid")), waited < 600 {
            usleep(100_000)
            waited += 1
        }
        kill(first.processIdentifier, SIGKILL)
        // The hanging sink command outlives the daemon; end it too (Foundation
        // reports the daemon's exit only once its children let go of it).
        if let pid = Int32((try? String(contentsOfFile: dir.file("sink.pid"), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") {
            kill(pid, SIGKILL)
        }
        first.waitUntilExit()
        let inFlight = received(dir)
        #expect(inFlight.count == 1)

        // Second run, sink healthy: everything owed goes out.
        try FileManager.default.removeItem(atPath: dir.file("slow"))
        let second = try start(config)
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)
        let queue = try DatabaseQueue(path: dir.file("archive.sqlite"))
        let (alertIDs, undelivered) = try queue.read { db in
            (try Int64.fetchAll(db, sql: "SELECT id FROM alert ORDER BY id"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM delivery WHERE delivered_at IS NULL") ?? -1)
        }
        #expect(alertIDs.count == 3)
        #expect(undelivered == 0)
        let keys = alertIDs.map { "wirewatch-alert-\($0)" }
        var counts: [String: Int] = [:]
        for key in received(dir) { counts[key, default: 0] += 1 }
        // Every alert arrived; only the one in flight arrived twice.
        #expect(Set(counts.keys) == Set(keys))
        #expect(counts[inFlight[0]] == 2)
        #expect(counts.values.reduce(0, +) == 4)

        // A third run owes nothing.
        let third = try start(config)
        third.waitUntilExit()
        #expect(received(dir).count == 4)
    }
}

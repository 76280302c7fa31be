import Foundation
import Testing
import WirewatchConfig
import WirewatchTesting
@testable import WirewatchDaemon

/// The service and a `run --once` by hand on one archive would each miss the
/// other's new stories and alert on them twice: the second is refused.
@Suite("One run per archive")
struct ArchiveLockTests {
    @Test func aSecondRunOnTheSameArchiveIsRefusedUntilTheFirstStops() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("wirewatch.toml", """
            [archive]
            path = "archive.sqlite"
            """)
        let config = try Config.load(path: file)
        let first = try Daemon(config: config, sinks: [], logger: quietLogger)
        let refusal = #expect(throws: (any Error).self) {
            _ = try Daemon(config: config, sinks: [], logger: quietLogger)
        }
        let message = "\(refusal.map { "\($0)" } ?? "")"
        #expect(message.contains("another `wirewatch run` is using it (pid \(getpid()))"))
        #expect(message.contains("archive.sqlite"))
        await first.shutdown()
        let second = try Daemon(config: config, sinks: [], logger: quietLogger)
        await second.shutdown()
    }
}

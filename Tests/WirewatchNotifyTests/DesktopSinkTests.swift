import Foundation
import Testing
import WirewatchTesting

@testable import WirewatchNotify

@Suite struct DesktopSinkTests {
    @Test func callsNotifySendFromPATHWithSummaryAndEscapedBody() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try writeScript(directory, "bin/notify-send", #"printf '%s\n' "$@" > "$OUT/args""#)
        let options = DesktopOptions(
            urgency: "critical", environment: ["PATH": directory.file("bin") + ":/usr/bin:/bin", "OUT": directory.path]
        )
        let alert = sampleAlert(title: "-x <b>Quake</b> & \u{1B}]0;owned\u{07}more", link: "https://e.example/?a=1&b=2")
        try await DesktopSink(name: "screen", options: options).deliver(alert)

        let arguments = try readText(directory.file("args")).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(arguments == [
            "--app-name=Wirewatch", "--urgency=critical", "--",
            "-x <b>Quake</b> & more",
            "Example News · disasters",
            "https://e.example/?a=1&amp;b=2", "",
        ])
    }

    @Test func aMissingNotifySendIsPermanent() async throws {
        let options = DesktopOptions(environment: ["PATH": "/nonexistent"])
        let error = await deliveryError(DesktopSink(name: "screen", options: options))
        #expect(error == .permanent(sink: "screen", reason: "command not found: notify-send"))
    }
}

import Foundation
import Testing
import WirewatchTesting

@testable import WirewatchNotify

@Suite struct JSONLSinkTests {
    @Test func appendsOneJSONObjectPerLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("alerts.jsonl")
        try directory.write("alerts.jsonl", "{\"earlier\":true}\n")
        let sink = JSONLSink(name: "archive-feed", options: JSONLOptions(path: path))
        try await sink.deliver(sampleAlert(id: 1))
        try await sink.deliver(sampleAlert(id: 2, title: "Line\nbreak \"quoted\""))

        let lines = try readText(path).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1] == AlertLine.json(sampleAlert(id: 1)))
        let second = try jsonObject(lines[2])
        #expect(second["id"] as? Int == 2)
        #expect(second["title"] as? String == "Line\nbreak \"quoted\"")
    }

    @Test func anUnwritableFileIsRetryable() async throws {
        let sink = JSONLSink(name: "j", options: JSONLOptions(path: "/nonexistent-dir/alerts.jsonl"))
        let error = await deliveryError(sink)
        #expect(error?.isRetryable == true)
        #expect(error?.description.hasPrefix("sink \"j\": cannot append to /nonexistent-dir/alerts.jsonl") == true)
    }
}

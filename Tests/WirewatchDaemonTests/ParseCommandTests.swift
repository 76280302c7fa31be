import Foundation
import Testing
import WirewatchTesting

/// `wirewatch parse -` reads the feed from a pipe: `curl -s URL | wirewatch parse -`.
@Suite("wirewatch parse from a pipe")
struct ParseCommandTests {
    @Test func readsTheFeedFromStandardInput() throws {
        try #require(FileManager.default.isExecutableFile(atPath: KilledDaemonTests.binary), "build the wirewatch product first")
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let headers = dir.file("headers.json")
        try Data(#"{"Content-Type": "application/rss+xml; charset=windows-1252"}"#.utf8).write(to: URL(fileURLWithPath: headers))
        // Windows-1252 bytes, declared only by the HTTP headers.
        let feed = Array("<rss version=\"2.0\"><channel><title>Caf".utf8) + [0xE9]
            + Array("</title><item><title>Gr".utf8) + [0xE8] + Array("ve</title></item></channel></rss>".utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: KilledDaemonTests.binary)
        process.arguments = ["parse", "-", "--url", "", "--headers", headers]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(feed))
        try input.fileHandleForWriting.close()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed.hasPrefix("Café  [rss20, windows-1252]"))
        #expect(printed.contains("- Grève"))
    }
}

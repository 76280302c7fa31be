import Foundation
import WirewatchCore
import WirewatchTesting

/// An alert as the outbox hands it to sinks: stored, so with a stable id.
func sampleAlert(
    id: Int64 = 42, title: String = "Quake hits the coast", link: String? = "https://news.example.org/quake"
) -> Alert {
    Alert(
        id: id, time: Date(timeIntervalSince1970: 1_795_242_612),  // 2026-11-21T06:30:12Z
        rule: "disasters", feed: "Example News", title: title, link: link, itemID: 7
    )
}

/// Writes an executable `/bin/sh` script into `directory` and returns its path.
///
/// Opened close-on-exec: tests run in parallel, and a command another test spawns
/// while this file is open must not inherit a writable descriptor to it, or running
/// the script fails with ETXTBSY ("Text file busy").
@discardableResult
func writeScript(_ directory: TemporaryDirectory, _ name: String, _ body: String) throws -> String {
    let path = directory.file(name)
    try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true
    )
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
    defer { close(fd) }
    let bytes = Array(("#!/bin/sh\n" + body + "\n").utf8)
    guard write(fd, bytes, bytes.count) == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    return path
}

func readText(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

/// `KEY=value` lines (the output of `env`) as a dictionary.
func parseEnvironment(_ text: String) -> [String: String] {
    var result: [String: String] = [:]
    for line in text.split(separator: "\n") {
        guard let equals = line.firstIndex(of: "=") else { continue }
        result[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    return result
}

/// The JSON object in `text` as a dictionary.
func jsonObject(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return object as? [String: Any] ?? [:]
}

import Foundation
import Testing
@testable import WirewatchConfig

/// Parses `text` as `/cfg/wirewatch.toml` and returns its errors (none if it is valid).
func errors(of text: String, file: String = "/cfg/wirewatch.toml") -> [ConfigError] {
    do {
        _ = try Config.parse(text, file: file)
        return []
    } catch {
        return error.errors
    }
}

/// Parses `text`, recording a test issue (with the errors) if it is invalid.
func parsed(
    _ text: String, file: String = "/cfg/wirewatch.toml", sourceLocation: SourceLocation = #_sourceLocation
) -> Config? {
    do {
        return try Config.parse(text, file: file)
    } catch {
        Issue.record("unexpected config errors:\n\(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A fresh folder under the system's temporary directory, removed by the caller.
func makeTemporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("wirewatch-config-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// The repository's `Feeds/` folder, found from this source file.
let feedsDirectory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Feeds").path

import Foundation
import Testing
import WirewatchCore
@testable import WirewatchParse

/// Feeds built the way real publishers' feeds are (WordPress, Reddit, NYT,
/// arXiv, GitHub, JSON Feed, Japanese outlets), with their real breakage,
/// and what a careful reader expects of the archived `Item`s.
@Suite("Real-world feeds")
struct RealWorldFeedTests {
    /// Every feed above, for the daemon-path / JSON-path agreement check.
    static let all: [(String, [UInt8])] = []

    @Test func spacesWrittenAsReferencesCollapse() {
        #expect(PlainText.fromHTML("a &#32; b&#10;&#10;c&#9;d") == "a b c d")
        #expect(PlainText.fromHTML("&#32;lead and trail&#32;") == "lead and trail")
    }
}

import Foundation
import Testing
import WirewatchCore
@testable import WirewatchNotify

@Suite("Feed text on a terminal")
struct TerminalTextTests {
    @Test func hostileTitleLosesEveryControlSequence() {
        let hostile = "Strike\u{1B}[2J\u{1B}[31m red\u{1B}]0;pwned\u{07} title\u{1B}]8;;http://evil.example\u{1B}\\link\u{1B}]8;;\u{1B}\\ \u{9B}1;1H\u{202E}gnp.exe\u{0}\r\nnext"
        let clean = TerminalText.sanitize(hostile)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        #expect(clean == "Strike red titlelink gnp.exe  next")
    }

    @Test func alertLineIsOneLineWhateverTheFeedSays() {
        let alert = Alert(
            id: 7, time: Date(timeIntervalSince1970: 1_795_000_000), rule: "strike", feed: "evil\u{1B}[1m",
            title: "Line one\nLine two\u{1B}]0;x\u{07}", link: "https://e.example/a\u{1B}[0m", itemID: 3, sources: 3
        )
        let line = AlertLine.text(alert)
        #expect(!line.contains("\n") && !line.contains("\u{1B}"))
        #expect(line.hasSuffix("+2 sources"))
        #expect(line.contains("strike  evil  Line one Line two  https://e.example/a"))
    }

    @Test func colourOnlyWhenAsked() {
        let alert = Alert(id: 1, time: Date(timeIntervalSince1970: 0), rule: "r", feed: "f", title: "t", link: nil, itemID: 1)
        #expect(!AlertLine.text(alert).contains("\u{1B}"))
        #expect(AlertLine.text(alert, colored: true).contains("\u{1B}[1;33mr\u{1B}[0m"))
    }
}

import Testing
import Foundation
@testable import WirewatchParse

/// `Text.findASCIIEmail` walks bytes where `findEmailByCharacter` walks
/// Characters; on ASCII text they must find the same range.
struct EmailFinderTests {
    static let pieces = [
        "jo", "Jo.Doe", "a_b+c", "@", "@", "example", ".", ".", "com", " ", "(", ")", "<", ">", "\r\n", "\t",
        "?subject=", "Hi", "-", "x1", "&lt;", "&gt;", ",", "mailto:", "..", "\n",
    ]

    @Test func asciiWalkMatchesCharacterWalk() {
        var generator = SplitMix(seed: 7)
        for _ in 0..<20_000 {
            var s = ""
            for _ in 0..<(1 + generator.next(9)) { s += Self.pieces[generator.next(Self.pieces.count)] }
            let bytes = Text.findASCIIEmail(s).map { String(s[$0]) }
            let characters = Text.findEmailByCharacter(s).map { String(s[$0]) }
            #expect(bytes == characters, "\(s.debugDescription)")
        }
    }

    /// Non-ASCII text: marks after, signs prepended before, joiners, other
    /// scripts and spaces next to the address; `findEmail` takes the byte
    /// walk only where it is sure, and must agree with the Character walk.
    static let mixed = pieces + ["é", "\u{0301}", "\u{0600}", "\u{200D}", "\u{00A0}", "日本", "Jürgen", "ß"]

    @Test func mixedTextMatchesCharacterWalk() {
        var generator = SplitMix(seed: 13)
        for _ in 0..<30_000 {
            var s = ""
            for _ in 0..<(1 + generator.next(9)) { s += Self.mixed[generator.next(Self.mixed.count)] }
            let found = Text.findEmail(s)
            let characters = Text.findEmailByCharacter(s)
            #expect(found == characters, "\(s.debugDescription)")
        }
    }

    @Test func findsTheAddress() {
        let s = "jo.doe@example.com (Jo Doe)"
        #expect(Text.findEmail(s).map { String(s[$0]) } == "jo.doe@example.com")
    }
}

extension EmailFinderTests {
    /// For ASCII text the byte removal must equal Foundation's.
    @Test func byteRemovalMatchesFoundation() {
        var generator = SplitMix(seed: 11)
        for _ in 0..<5_000 {
            var s = ""
            for _ in 0..<(1 + generator.next(9)) { s += Self.pieces[generator.next(Self.pieces.count)] }
            for pattern in ["()", "<>", "&lt;&gt;", "..", "jo@example.com", "@"] {
                #expect(Text.removingASCII(pattern, from: s) == s.replacingOccurrences(of: pattern, with: ""), "\(s.debugDescription)")
            }
        }
        for _ in 0..<5_000 {
            var s = ""
            for _ in 0..<(1 + generator.next(9)) { s += Self.mixed[generator.next(Self.mixed.count)] }
            for pattern in ["()", "<>", "&lt;&gt;", "jo@example.com", "@"] {
                let bytes = Text.removingASCII(pattern, from: s) ?? s.replacingOccurrences(of: pattern, with: "")
                #expect(bytes == s.replacingOccurrences(of: pattern, with: ""), "\(s.debugDescription)")
            }
        }
    }
}

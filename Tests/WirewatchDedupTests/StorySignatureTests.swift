import Foundation
import Testing
@testable import WirewatchDedup

@Suite("Story signatures")
struct StorySignatureTests {
    static let article = """
        MINNEAPOLIS — Workers at three Hennepin County hospitals walked off the job on Tuesday \
        morning, joining a strike that organizers said had been building since the spring. \
        Members of the union gathered outside the main entrance before dawn, carrying signs and \
        thermoses of coffee as the temperature hovered near freezing.

        A spokesperson for the hospital system said emergency rooms would stay open with \
        replacement staff and that scheduled surgeries had been moved to later in the month. \
        "We are not going anywhere until the staffing plan is fixed," one nurse said.

        Talks between the two sides broke down on Sunday night after eleven hours of \
        negotiation, according to people familiar with the discussions. No new meeting has \
        been scheduled, and both sides accused the other of refusing to compromise.
        """
    static let title = "Hospital workers strike across Hennepin County"

    @Test func deterministicKeysAndBlob() {
        let a = StorySignature(title: Self.title, text: Self.article)
        let b = StorySignature(title: Self.title, text: Self.article)
        #expect(a == b)
        #expect(a.lookupKeys == b.lookupKeys)
        #expect(a.encoded() == b.encoded())
    }

    /// Keys are persisted: a change here means old archives no longer match
    /// new items, so bump `StorySignature.version` along with this expectation.
    @Test func stableAcrossRunsAndMachines() {
        let signature = StorySignature(title: Self.title, text: Self.article)
        #expect(StorySignature.version == 1)
        let keys = signature.lookupKeys
        // Fewer bands (16 lede bands became 8) keep the first ones: still a match for old keys.
        #expect(keys.count == 2 + 25 + 8)
        #expect([keys[0], keys[1], keys[2], keys[27]] == Self.goldenKeys)
        #expect(Array(signature.encoded()[25..<33]) == Self.goldenBodyBytes)
    }

    static let goldenKeys: [Int64] = [
        949_526_932_077_637_999, 1_265_213_417_808_248_338, 1_765_940_401_159_134_658, 2_754_490_120_406_310_254,
    ]
    static let goldenBodyBytes: [UInt8] = [218, 28, 30, 165, 92, 129, 175, 216]

    @Test func encodedRoundTrip() throws {
        for (title, text) in [(Self.title, Self.article), ("", ""), ("Title only", ""), ("", "two words")] {
            let signature = StorySignature(title: title, text: text)
            let blob = signature.encoded()
            let decoded = try #require(StorySignature(encoded: blob))
            #expect(decoded == signature)
            #expect(decoded.lookupKeys == signature.lookupKeys)
            #expect(decoded.encoded() == blob)
        }
        let blob = StorySignature(title: Self.title, text: Self.article).encoded()
        #expect(blob.count <= 300)
        #expect(StorySignature(encoded: Array(blob.dropLast())) == nil)
        #expect(StorySignature(encoded: []) == nil)
        var otherVersion = blob
        otherVersion[0] &+= 1
        #expect(StorySignature(encoded: otherVersion) == nil)
    }

    @Test func normalizationFoldsCaseDiacriticsAndPunctuation() {
        let plain = TextNormalizer.wordHashes(of: "maria pena said the cafe on lake street will reopen at 1200 its owners said")
        let variants = [
            "MARIA PEÑA said: the café on Lake Street will re-open at 1,200 — its owners said!",
            "Maria Pen\u{0303}a said the cafe\u{0301} on Lake Street will reopen at 1200, its owners said.",
            "  Maria   Peña said “the café” on Lake\tStreet will reopen at 1,200; its owner’s said",
        ]
        // "re-open" is two words in one variant, so compare everything else exactly.
        #expect(TextNormalizer.wordHashes(of: variants[1]) == plain)
        #expect(TextNormalizer.wordHashes(of: variants[0]).count == plain.count + 1)
        #expect(TextNormalizer.wordHashes(of: variants[2]).count == plain.count)
        #expect(TextNormalizer.wordHashes(of: "ICE's agents") == TextNormalizer.wordHashes(of: "ICEs AGENTS"))
        #expect(TextNormalizer.wordHashes(of: "Straße Œuvre Łódź") == TextNormalizer.wordHashes(of: "strasse oeuvre lodz"))
        #expect(TextNormalizer.wordHashes(of: "Москва МОСКВА") .count == 2)
        #expect(Set(TextNormalizer.wordHashes(of: "Москва МОСКВА")).count == 1)
        #expect(TextNormalizer.wordHashes(of: "— … !!! ").isEmpty)
        // Unspaced scripts: one word per character, so a sentence still has shingles.
        #expect(TextNormalizer.wordHashes(of: "明尼阿波利斯罢工").count == 8)
    }

    @Test func arbitraryInputNeverTraps() {
        // Deterministic pseudo-random scalars from every plane, including
        // combining marks, surrogates' neighbours and private use.
        var state: UInt64 = 0x1234_5678
        for length in [1, 2, 3, 7, 40, 400, 4000] {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let value = UInt32(truncatingIfNeeded: state >> 40) % 0x11_0000
                scalars.append(Unicode.Scalar(value) ?? " ")
            }
            let text = String(scalars)
            let signature = StorySignature(title: text, text: text)
            #expect(StorySignature(encoded: signature.encoded()) == signature)
            if signature.textWords >= 40 { #expect(signature.sameStory(as: signature)?.reason == .sameText) }
        }
    }

    @Test func sameTextIgnoresTypography() {
        let typographic = Self.article
            .replacingOccurrences(of: "\"", with: "”")
            .replacingOccurrences(of: " — ", with: " -- ")
            .uppercased()
        let a = StorySignature(title: Self.title, text: Self.article)
        let b = StorySignature(title: "Another headline entirely", text: typographic)
        #expect(a.sameStory(as: b)?.reason == .sameText)
    }

    @Test func emptyAndTinyTextsDoNotCrashOrMatchLoosely() {
        let inputs = ["", " ", "a", "a b", "a b c", "—", "\u{0301}", "\u{FFFD}\u{FFFD}", String(repeating: "é", count: 3)]
        for text in inputs {
            let s = StorySignature(title: "", text: text)
            _ = s.lookupKeys
            #expect(StorySignature(encoded: s.encoded()) == s)
            #expect(s.sameStory(as: StorySignature(title: "", text: "")) == nil)
        }
        // Two different short teasers on the same event under one generic title.
        let a = StorySignature(title: "Live updates", text: "Workers at three Hennepin County hospitals walked off the job on Tuesday.")
        let b = StorySignature(title: "Live updates", text: "Workers at three Hennepin County hospitals returned to work on Friday.")
        #expect(a.sameStory(as: b) == nil)
        // Identical boilerplate bodies are not one story.
        let paywallA = StorySignature(title: "Council passes budget", text: "Subscribe to continue reading this story.")
        let paywallB = StorySignature(title: "Snow closes schools", text: "Subscribe to continue reading this story.")
        #expect(paywallA.sameStory(as: paywallB) == nil)
        // Empty bodies under the same generic title are not one story either.
        #expect(StorySignature(title: "Morning briefing", text: "").sameStory(as: StorySignature(title: "Morning briefing", text: "")) == nil)
        // Nothing to look such items up by: no key that boilerplate would share.
        #expect(StorySignature(title: "Morning briefing", text: "Subscribe to continue reading this story.").lookupKeys.isEmpty)
    }

    @Test func summaryUnderTheSameTitleIsTheSameStory() {
        let summary = "MINNEAPOLIS — Workers at three Hennepin County hospitals walked off the job on Tuesday morning, joining a strike that organizers said …"
        let full = StorySignature(title: Self.title, text: Self.article)
        let short = StorySignature(title: Self.title, text: summary)
        #expect(short.sameStory(as: full) != nil)
        // The same summary under another headline is not enough.
        #expect(StorySignature(title: "Other", text: summary).sameStory(as: full) == nil)
    }

    @Test func republishedPairSharesKeysHardNegativeDoesNot() {
        let original = StorySignature(title: Self.title, text: Self.article)
        let republished = StorySignature(
            title: Self.title + " | Lakeside Courier",
            text: "Editor's note: This story was first published by River City Wire.\n\n" + Self.article)
        let shared = Set(original.lookupKeys).intersection(republished.lookupKeys)
        #expect(shared.count >= 10)
        #expect(original.sameStory(as: republished)?.reason == .republished)

        // Another outlet's article on the same strike: the same names, places and quote.
        let other = """
            ST. PAUL — Nurses from Hennepin County joined a rally at the State Capitol on Tuesday, \
            where lawmakers heard testimony about hospital staffing. "We are not going anywhere until \
            the staffing plan is fixed," one nurse said, repeating a line heard on picket lines all week. \
            Legislators from both parties said they would review the hospital system's budget and asked \
            the union to share its own numbers. A hearing on a staffing bill is scheduled for next month, \
            and the union said it would bring members from every hospital in the Twin Cities to testify.
            """
        let negative = StorySignature(title: "Nurses take strike to the Capitol", text: other)
        #expect(Set(original.lookupKeys).intersection(negative.lookupKeys).count <= 1)
        #expect(original.sameStory(as: negative) == nil)
    }

    @Test func lookupKeyKindsNeverCollide() {
        let keys = StorySignature(title: Self.title, text: Self.article).lookupKeys
        #expect(keys.allSatisfy { $0 >= 0 })
        let kinds = keys.map { $0 >> 59 }
        #expect(kinds.first == 1 && kinds.dropFirst().first == 2)
        #expect(kinds.filter { $0 == 3 }.count == 25)
        #expect(kinds.filter { $0 == 4 }.count == 8)
    }
}

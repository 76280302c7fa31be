import Testing
import WirewatchRules

@Suite("Unicode and diacritics")
struct FoldingTests {
    @Test func diacriticsAreIgnoredBothWays() throws {
        #expect(try matches("Sahan", "Mayor Sahán said"))
        #expect(try matches("Sahán", "mayor sahan said"))
        #expect(try matches("café", "CAFE OPENS"))
        #expect(try matches("cafe", "Café"))
        #expect(try matches("lodz", "Łódź protest"))
        #expect(try matches("zurich", "Zürich"))
    }

    @Test func decomposedTextFoldsLikePrecomposed() throws {
        #expect(try matches("Sahan", "Saha\u{301}n"))
        #expect(try matches("Sahán", "Saha\u{301}n"))
        #expect(try matches("Saha\u{301}n", "Sahán"))
    }

    @Test func ligaturesAndSharpS() throws {
        #expect(try matches("strasse", "Straße"))
        #expect(try matches("Straße", "STRASSE"))
        #expect(try matches("encyclopaedia", "Encyclopædia"))
        #expect(try matches("oeuvre", "Œuvre"))
    }

    @Test func otherScriptsFoldCase() throws {
        #expect(try matches("москва", "МОСКВА сегодня"))
        #expect(try matches("αθηνα", "ΑΘΗΝΑ"))
        #expect(try matches("istanbul", "İstanbul"))
    }

    @Test func softHyphenStaysInsideAWord() throws {
        #expect(try matches("strikebreaker", "strike\u{AD}breaker"))
    }

    @Test func nonLatinWordsAreWholeWords() throws {
        #expect(try matches("東京", "東京 news"))
    }
}

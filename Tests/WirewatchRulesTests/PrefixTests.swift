import Testing
import WirewatchRules

@Suite("Prefixes")
struct PrefixTests {
    @Test func starMatchesWordsStartingWithThePrefix() throws {
        for title in ["strike", "Striking workers", "the strikers", "STRIKES"] {
            #expect(try matches("strik*", title))
        }
        #expect(try !matches("strik*", "airstrike"))
        #expect(try !matches("strik*", "stri"))
    }

    @Test func prefixFoldsDiacritics() throws {
        #expect(try matches("gréve*", "grèves"))
    }

    @Test func prefixInsideAPhrase() throws {
        #expect(try matches("\"general strik*\"", "general strikers"))
        #expect(try !matches("\"general strik*\"", "strikers general"))
    }

    @Test func severalPrefixesOfOneWord() throws {
        let set = RuleSet([
            .init(name: "short", query: try Query("st*")),
            .init(name: "long", query: try Query("strik*")),
            .init(name: "exact", query: try Query("striking")),
        ])
        #expect(set.matches(titled("striking")) == ["short", "long", "exact"])
        #expect(set.matches(titled("stop")) == ["short"])
    }
}

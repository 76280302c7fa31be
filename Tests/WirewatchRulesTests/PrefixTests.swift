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

    /// A word spelled like some rule's exact word takes its prefix hits from a list
    /// built with the table; other words probe the table per prefix length. Both must
    /// give what each prefix query finds alone (where no exact word is in the table),
    /// including the acronym rule of capitalized prefixes and prefixes as long as the word.
    @Test func prefixHitsOfExactWordsAgreeWithProbing() throws {
        let exact = ["striking", "strike", "st", "ICE", "ice", "icebergs", "grève", "x"]
        let prefixes = [
            "s*", "st*", "stri*", "strik*", "striking*", "strikingly*", "ICE*", "IC*", "ice*",
            "iceb*", "grè*", "grev*", "x*", "\"strik* st*\"",
        ]
        let rules = (exact + prefixes).enumerated().map { index, source in
            RuleSet.Rule(name: "\(index) \(source)", query: try! Query(source))
        }
        let set = RuleSet(rules)
        let titles = [
            "striking", "STRIKING", "Striking", "StRiKiNg", "strike", "STRIKE st", "st", "ST",
            "ICE", "Ice", "ice", "ICEBERGS", "ICEbergs", "icebergs", "IC", "grève", "GREVE",
            "greve", "x", "X", "xx", "strikes", "striking strike", "unrelated words",
        ]
        for title in titles {
            let alone = rules.filter { $0.query.matches(titled(title)) }.map(\.name)
            #expect(set.matches(titled(title)) == alone, "\(title)")
        }
    }
}

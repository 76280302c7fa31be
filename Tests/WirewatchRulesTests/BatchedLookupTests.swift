import Testing
@testable import WirewatchRules

/// A rule set too big for the cache looks its words up in batches (`WordBatch`); a
/// small one word by word. Both must find exactly the same matches.
@Suite("Batched lookups")
struct BatchedLookupTests {
    /// Rules that exercise every kind of atom: words, long words (more than 8 and 16
    /// bytes), prefixes that are also some exact atom's start, acronyms, phrases, NEAR,
    /// ideographs, accented and non-Latin words, fields.
    let rules = [
        "strike", "strik*", "str*", "ICE", "ice AND agents", "\"general strike\"",
        "internationalization", "internationalisation*", "counterdemonstrators",
        "罢工", "ストライキ", "café OR kyiv", "забастовка", "title:vote", "content:walkout*",
        "teachers NEAR/3 union", "NOT strike", "\"ICE agents\" -police", "AFL*",
        "démonstration", "straße",
    ]

    let texts = [
        "General strike called; striking teachers join the union in Kyiv",
        "ICE agents raid a café. Police say 12 arrested",
        "ice cream vendors are not agents",
        "Internationalization and internationalisations of counterdemonstrators",
        "工人罢工进入第二天 ストライキは続く",
        "Забастовка в Киеве: straße blocked, démonstration à Paris",
        "AFL-CIO backs the walkout; AFLAC says nothing",
        "STRIKE STRIKE STRIKE",
        "",
    ]

    func fillerWord(_ index: Int) -> String {
        let word = "zq\(index)x" + String(repeating: "y", count: index % 13)
        return index % 7 == 0 ? "str" + word : word
    }

    func set(_ queries: [String], filler: Int) throws -> RuleSet {
        var all = try queries.enumerated().map { RuleSet.Rule(name: "rule\($0.offset)", query: try Query($0.element)) }
        // Filler rules of made-up words, some sharing the real words' starts.
        for index in 0..<filler {
            all.append(RuleSet.Rule(name: "filler\(index)", query: try Query(fillerWord(index))))
        }
        return RuleSet(all)
    }

    @Test func batchedAndWordByWordLookupsAgree() throws {
        let small = try set(rules, filler: 0)
        let large = try set(rules, filler: 9_000)
        #expect(!small.table.isLarge)
        #expect(large.table.isLarge)
        var matched = 0
        for title in texts {
            for content in texts {
                let document = RuleDocument(title: title, content: content + " " + String(repeating: "padding words ", count: 40) + title)
                let expected = small.matches(document)
                let found = large.matches(document).filter { !$0.hasPrefix("filler") }
                #expect(found == expected, "\(title) | \(content)")
                matched += expected.count
            }
        }
        #expect(matched > 100)
    }

    @Test func fillerWordsAreFoundInBatches() throws {
        let large = try set([], filler: 9_000)
        let document = RuleDocument(title: "\(fillerWord(5)) and \(fillerWord(8_999)), \(fillerWord(7).uppercased())")
        #expect(large.matches(document) == ["filler5", "filler7", "filler8999"])
    }
}

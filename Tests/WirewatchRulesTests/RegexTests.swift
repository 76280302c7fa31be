import Testing
import WirewatchRules

@Suite("Regular expressions")
struct RegexTests {
    @Test func caseSensitiveByDefault() throws {
        #expect(try matches("/Ice storm/", "Ice storm warning"))
        #expect(try !matches("/Ice storm/", "ice storm warning"))
        #expect(try matches("/ice storm/i", "ICE STORM"))
    }

    @Test func fullRegexSyntax() throws {
        #expect(try matches(#"/\bstrik(e|ing)\b/"#, "workers striking"))
        #expect(try !matches(#"/\bstrik(e|ing)\b/"#, "strikers"))
        #expect(try matches(#"/\d{3} arrested/"#, "120 arrested"))
        #expect(try matches(#"/a\/b/"#, "either a/b"))
    }

    @Test func unscopedRegexesSkipTheAuthor() throws {
        let document = RuleDocument(title: "Report", author: "Jane Doe")
        #expect(!(try Query("/Doe/")).matches(document))
        #expect(try Query("author:/Doe/").matches(document))
        #expect(try Query("/Rep/").matches(document))
    }

    @Test func combinesWithOperatorsAndScopes() throws {
        let document = RuleDocument(
            title: "Raid", content: "ICE-2024 report", link: "https://example.org/2024/raid")
        #expect(try Query(#"raid /ICE-\d+/"#).matches(document))
        #expect(!(try Query(#"title:/ICE-\d+/"#)).matches(document))
        #expect(try Query(#"link:/\/20\d\d\//"#).matches(document))
        #expect(try Query("tag:/^lab/i").matches(RuleDocument(tags: ["other", "Labor"])))
    }

    /// Rules repeating one regular expression share its result per document; the same
    /// pattern under another scope or case option is a different test.
    @Test func repeatedRegexesAcrossRulesKeepTheirScopesAndOptions() throws {
        let set = RuleSet([
            .init(name: "a", query: try Query(#"arrest AND /\d+ arrested/"#)),
            .init(name: "b", query: try Query(#"/\d+ arrested/ OR strike"#)),
            .init(name: "title", query: try Query(#"title:/\d+ arrested/"#)),
            .init(name: "upper", query: try Query(#"/\d+ ARRESTED/"#)),
            .init(name: "any case", query: try Query(#"/\d+ ARRESTED/i"#)),
            .init(name: "c", query: try Query(#"/\d+ arrested/ -strike"#)),
        ])
        #expect(set.matches(RuleDocument(title: "Raid", content: "12 arrested after the arrest"))
            == ["a", "b", "any case", "c"])
        #expect(set.matches(RuleDocument(title: "12 arrested", content: "strike"))
            == ["b", "title", "any case"])
        #expect(set.matches(RuleDocument(title: "Nothing here")) == [])
        #expect(set.matches(RuleDocument(content: "40 ARRESTED")) == ["upper", "any case"])
    }
}

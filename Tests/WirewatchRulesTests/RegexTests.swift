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
}

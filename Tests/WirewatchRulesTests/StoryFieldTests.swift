import Testing
import WirewatchRules

/// `sources>=n` and `covered:` read the story an item belongs to (story rules).
@Suite("Story fields")
struct StoryFieldTests {
    func story(_ title: String, sources: Int, covered: [String]) -> RuleDocument {
        var document = RuleDocument(title: title)
        document.storySources = sources
        document.coveredTags = covered
        return document
    }

    @Test func sourcesComparisons() throws {
        let three = story("Strike spreads", sources: 3, covered: [])
        #expect(try Query("sources>=3").matches(three))
        #expect(try !Query("sources>=4").matches(three))
        #expect(try Query("sources>2").matches(three))
        #expect(try !Query("sources>3").matches(three))
        #expect(try Query("sources=3").matches(three))
        #expect(try Query("sources<=3 AND sources<4").matches(three))
        #expect(try Query("Sources>=1").matches(three))
        #expect(try !Query("NOT sources>=3").matches(three))
    }

    @Test func coveredByTags() throws {
        let document = story("ICE raid in Minneapolis", sources: 2, covered: ["left", "Local"])
        #expect(try Query("covered:left").matches(document))
        #expect(try Query("covered:local").matches(document))
        #expect(try !Query("covered:right").matches(document))
        #expect(try Query("ICE AND covered:left AND NOT covered:right").matches(document))
        #expect(try Query("covered:(right OR left) sources>=2").matches(document))
        #expect(try !Query("ICE covered:left sources>=3").matches(document))
        #expect(try Query("covered:lef*").matches(document))
    }

    @Test func storyQueriesAreRecognized() throws {
        #expect(try Query("ICE AND sources>=3").readsStory)
        #expect(try Query("NOT covered:local").readsStory)
        #expect(try !Query("ICE AND tag:left").readsStory)
        // Only "sources" followed by a comparison is special; the word alone is a word.
        #expect(try !Query("sources").readsStory)
        #expect(try Query("sources").matches(RuleDocument(title: "anonymous sources said")))
    }

    @Test func badCountsAreSyntaxErrors() {
        #expect(syntaxError("sources>=") != nil)
        #expect(syntaxError("sources>=x")?.column == 10)
        #expect(syntaxError("covered:") != nil)
        #expect(syntaxError("ICE sources>=3") == nil)
    }

    @Test func rulesetsEvaluateStoryFields() throws {
        let rules = RuleSet([
            .init(name: "crossover", query: try Query("covered:left AND covered:right")),
            .init(name: "wide", query: try Query("strike sources>=5")),
        ])
        #expect(rules.matches(story("general strike", sources: 5, covered: ["left"])) == ["wide"])
        #expect(rules.matches(story("general strike", sources: 2, covered: ["left", "right"])) == ["crossover"])
    }

    @Test func explainShowsStoryFacts() throws {
        let explanation = try Query("covered:right sources>=2").explain(story("x", sources: 1, covered: ["left"]))
        #expect(!explanation.matched)
        let text = "\(explanation)"
        #expect(text.contains("sources>=2"))
        #expect(text.contains("1 source"))
        #expect(text.contains("covered: left"))
    }
}

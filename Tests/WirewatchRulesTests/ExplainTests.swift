import Testing
import WirewatchRules

@Suite("Explain and highlight")
struct ExplainTests {
    let strike = RuleDocument(
        title: "General strike called",
        content: "Unions across the Twin Cities’ metro joined the general strike on Monday.",
        feed: "Labor Notes", tags: ["labor"])

    @Test func explainsAMatchNodeByNode() throws {
        let query = try Query(#""general strike" AND (Minneapolis OR "Twin Cities") NOT feed:wsws"#)
        let explanation = query.explain(strike)
        #expect(explanation.matched)
        // Operands are listed in evaluation order: cheapest first.
        #expect(explanation.lines == [
            "✓ AND",
            "  ✓ NOT",
            "    ✗ feed:wsws — feed is \"Labor Notes\"",
            "  ✓ \"general strike\" — title: General strike (+1 more)",
            "  ✓ OR",
            "    ✗ minneapolis — not found",
            "    ✓ \"twin cities\" — content: Unions across the Twin Cities’ metro joined the gener…",
        ])
    }

    @Test func explainsAMiss() throws {
        let query = try Query("title:(shooting OR shot) ICE")
        let explanation = query.explain(strike)
        #expect(!explanation.matched)
        #expect(explanation.lines.contains("    ✗ title:shooting — not found in title"))
        #expect(explanation.lines.contains("  ✗ ICE — not found"))
        #expect(explanation.matchedTerms.isEmpty)
    }

    @Test func matchedTermsPointIntoTheDocument() throws {
        let query = try Query(#""general strike" OR union*"#)
        let terms = query.explain(strike).matchedTerms
        #expect(terms.map(\.field) == [.title, .content, .content])
        #expect(terms.map(\.text) == ["General strike", "Unions", "general strike"])
        #expect(terms.map(\.term) == ["\"general strike\"", "union*", "\"general strike\""])
        for term in terms {
            let text = term.field == .title ? strike.title : strike.content
            #expect(String(text[term.range]) == term.text)
        }
    }

    @Test func negatedTermsAreNotHighlighted() throws {
        let query = try Query("strike -baseball NOT (metro OR vote)")
        let terms = query.explain(strike).matchedTerms
        #expect(Set(terms.map(\.text)) == ["strike"])
    }

    @Test func explanationAgreesWithMatches() throws {
        let queries = [
            "ICE", "ice", "strik*", "\"general strik*\"", "ICE NEAR/3 raid", "title:ice -storm",
            "tag:left NOT feed:wsws", #"/\d+ arrested/"#, "lang:en OR link:example", "NOT x",
            "(a OR b) AND NOT (c d)", "author:doe", "\"ICE agents\" NEAR/2 raid",
        ]
        let documents = [
            RuleDocument(title: "ICE agents conducted a raid", author: "Jane Doe"),
            RuleDocument(title: "Ice storm", content: "12 arrested in a b", link: "https://example.org"),
            RuleDocument(title: "Striking workers", summary: "general strikers", feed: "wsws", tags: ["left"]),
            RuleDocument(content: "a c d", language: "en-US", tags: ["Left"]),
            RuleDocument(),
        ]
        for source in queries {
            let query = try Query(source)
            for document in documents {
                #expect(query.explain(document).matched == query.matches(document), "\(source)")
            }
        }
    }

    @Test func nearShowsBothSides() throws {
        let query = try Query("ICE NEAR/3 raid")
        let explanation = query.explain(RuleDocument(title: "ICE agents conducted a raid"))
        #expect(explanation.matched)
        #expect(explanation.lines == ["✓ (ICE NEAR/3 raid) — title: ICE … raid"])
        #expect(explanation.matchedTerms.map(\.text) == ["ICE", "raid"])
    }

    @Test func valuesAndRegexesAreShown() throws {
        let query = try Query(#"tag:lab* /\d+ joined/ OR link:/x/"#)
        let document = RuleDocument(content: "Then 40 joined the picket.", tags: ["Labor"])
        let explanation = query.explain(document)
        #expect(explanation.matched)
        #expect(explanation.lines == [
            "✓ OR",
            "  ✗ link:/x/ — no match",
            "  ✓ AND",
            "    ✓ tag:lab* — tags: Labor",
            #"    ✓ /\d+ joined/ — content: Then 40 joined the picket."#,
        ])
        #expect(explanation.matchedTerms.map(\.text) == ["40 joined"])
    }

    @Test func matchedRangesHighlightASnippet() throws {
        let query = try Query(#""general strike" OR union* OR title:called OR /Mon\w+/"#)
        let text = strike.content
        let ranges = query.matchedRanges(in: text, field: .content)
        #expect(ranges.map { String(text[$0]) } == ["Unions", "general strike", "Monday"])
        // Title-scoped terms do not highlight other fields.
        #expect(query.matchedRanges(in: "called off", field: .content).isEmpty)
        #expect(query.matchedRanges(in: "called off", field: .title).map { String("called off"[$0]) } == ["called"])
    }

    @Test func overlappingRangesAreMerged() throws {
        let query = try Query(#""general strike" OR strike OR gen*"#)
        let text = "A general strike."
        #expect(query.matchedRanges(in: text, field: .content).map { String(text[$0]) } == ["general strike"])
    }

    @Test func highlightsKeepOriginalSpelling() throws {
        let query = try Query("sahan OR ICE")
        let text = "Mayor Saha\u{301}n and ICE’s agents; ice storm"
        #expect(query.matchedRanges(in: text, field: .summary).map { String(text[$0]) } == ["Saha\u{301}n", "ICE"])
    }
}

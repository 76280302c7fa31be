import Testing
import WirewatchRules

@Suite("Rule sets")
struct RuleSetTests {
    static func rules() throws -> RuleSet {
        RuleSet([
            .init(name: "ice", query: try Query(#"ICE OR "Immigration and Customs Enforcement""#)),
            .init(name: "weather", query: try Query("ice storm")),
            .init(name: "strike", query: try Query(#""general strike" AND (Minneapolis OR "Twin Cities")"#)),
            .init(name: "left", query: try Query("tag:left NOT feed:wsws")),
            .init(name: "striking", query: try Query("strik*")),
            .init(name: "raid", query: try Query("ICE NEAR/3 raid")),
            .init(name: "regex", query: try Query(#"/\d+ arrested/"#)),
        ])
    }

    @Test func returnsMatchingNamesInRuleOrder() throws {
        let set = try Self.rules()
        #expect(set.matches(titled("ICE agents conducted a raid")) == ["ice", "raid"])
        #expect(set.matches(titled("Ice storm warning")) == ["weather"])
        #expect(set.matches(RuleDocument(
            title: "General strike in the Twin Cities", feed: "jacobin", tags: ["left"]))
            == ["strike", "left", "striking"])
        #expect(set.matches(titled("12 arrested")) == ["regex"])
        #expect(set.matches(titled("nothing here")).isEmpty)
    }

    @Test func emptyRuleSetMatchesNothing() {
        #expect(RuleSet([]).matches(titled("anything")).isEmpty)
        #expect(RuleSet([]).rules.isEmpty)
    }

    @Test func duplicateNamesAreKept() throws {
        let set = RuleSet([
            .init(name: "a", query: try Query("x")),
            .init(name: "a", query: try Query("x OR y")),
        ])
        #expect(set.matches(titled("x")) == ["a", "a"])
    }

    /// The shared lexicon must give each rule the same answer as its query alone.
    @Test func agreesWithQueriesEvaluatedAlone() throws {
        let set = try Self.rules()
        let documents = [
            titled("ICE agents conducted a raid"),
            titled("ice storm"),
            titled("Striking nurses: 40 arrested"),
            RuleDocument(title: "General strike", content: "Minneapolis", feed: "wsws", tags: ["left"]),
            RuleDocument(summary: "U.S. Immigration and Customs Enforcement", tags: ["Left"]),
            RuleDocument(),
        ]
        for document in documents {
            let alone = set.rules.filter { $0.query.matches(document) }.map(\.name)
            #expect(set.matches(document) == alone)
        }
    }

    /// A rule set normalizes only the value fields its rules compare: each rule must
    /// still answer as its query alone, whichever fields the set reads.
    @Test func valueFieldsAgreeWithQueriesEvaluatedAlone() throws {
        let sets = [
            ["tag:left", "feed:wsws OR strike"],
            ["link:example.org/2024", "lang:en AND strike"],
            ["category:labor", "tag:left AND category:labor", "NOT feed:jacobin"],
        ]
        let documents = [
            RuleDocument(
                title: "General strike", feed: "WSWS", link: "https://example.org/2024/strike",
                language: "en-US", tags: ["Left", "labor"], categories: ["Labor"]),
            RuleDocument(title: "Strike", feed: "jacobin", language: "fr", tags: ["right"]),
            RuleDocument(),
        ]
        for sources in sets {
            let set = RuleSet(try sources.map { source in RuleSet.Rule(name: source, query: try Query(source)) })
            for document in documents {
                let alone = set.rules.filter { $0.query.matches(document) }.map(\.name)
                #expect(set.matches(document) == alone)
            }
        }
    }

    @Test func isSendable() async throws {
        let set = try Self.rules()
        let names = await Task.detached { set.matches(titled("ICE raid")) }.value
        #expect(names == ["ice", "raid"])
    }
}

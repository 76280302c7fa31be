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

    /// Phrases trigger their rules by a word pair (a pseudo-atom set when the two words
    /// are consecutive in a field), and a two-word phrase found that way is accepted
    /// without evaluation: each rule must still answer as its query alone. Pairs must not
    /// form across fields or across a word without hits, must respect scopes, prefixes,
    /// the acronym rule and repeated words, and phrases of three or more words are still
    /// checked whole.
    @Test func phrasePairsAgreeWithQueriesEvaluatedAlone() throws {
        let sources = [
            #""general strike""#, #"title:"general strike""#, #""general strik*""#,
            #""ICE agents""#, #""new new york""#, #""twin cities general strike""#,
            #""strike vote" OR walkout"#, #"union AND ("general strike" OR "sick out")"#,
            #""general strike" -"strike vote""#, #"content:"general strike" AND title:union"#,
            #""cities general" AND NOT "general strike""#, #""vote strike""#,
            #"("general strike" OR picket) AND ("strike vote" OR union)"#,
        ]
        let rules = sources.enumerated().map { index, source in
            RuleSet.Rule(name: "\(index)", query: try! Query(source))
        }
        let set = RuleSet(rules)
        let documents = [
            titled("General strike called"), titled("general, strike!"), titled("strike general"),
            titled("general strikers vote"), titled("ICE agents"), titled("Ice agents"),
            titled("new new york"), titled("new york new new"), titled("Twin Cities general strike"),
            titled("twin cities general"), titled("a strike vote today"), titled("union walkout"),
            RuleDocument(title: "general", summary: "strike"),
            RuleDocument(title: "union", content: "the general strike"),
            RuleDocument(title: "general strike", content: "union"),
            RuleDocument(summary: "general strike vote strike", content: "sick out union"),
            RuleDocument(title: "general zzz strike"), RuleDocument(title: "general strike strike vote"),
            RuleDocument(title: "vote strike picket union"), RuleDocument(),
        ]
        for document in documents {
            let alone = set.rules.filter { $0.query.matches(document) }.map(\.name)
            #expect(set.matches(document) == alone, "\(document.title) | \(document.summary) | \(document.content)")
        }
    }

    @Test func isSendable() async throws {
        let set = try Self.rules()
        let names = await Task.detached { set.matches(titled("ICE raid")) }.value
        #expect(names == ["ice", "raid"])
    }
}

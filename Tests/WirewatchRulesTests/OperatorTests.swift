import Testing
import WirewatchRules

@Suite("Words and operators")
struct OperatorTests {
    @Test func wordsMatchWholeWordsCaseInsensitively() throws {
        #expect(try matches("strike", "The strike began"))
        #expect(try matches("strike", "STRIKE!"))
        #expect(try matches("Strike", "the strike"))
        #expect(try !matches("strike", "Strikes spread"))
        #expect(try !matches("strike", "an airstrike"))
        #expect(try !matches("strike", ""))
    }

    @Test func andRequiresBoth() throws {
        #expect(try matches("strike AND union", "Union calls strike"))
        #expect(try !matches("strike AND union", "Union meeting"))
    }

    @Test func juxtapositionIsAnImplicitAnd() throws {
        #expect(try matches("strike union", "union strike"))
        #expect(try !matches("strike union", "strike"))
    }

    @Test func orRequiresEither() throws {
        #expect(try matches("strike OR walkout", "Walkout at plant"))
        #expect(try matches("strike OR walkout", "Strike at plant"))
        #expect(try !matches("strike OR walkout", "Picnic at plant"))
    }

    @Test func notExcludes() throws {
        #expect(try matches("strike NOT baseball", "strike vote"))
        #expect(try !matches("strike NOT baseball", "baseball strike"))
        #expect(try matches("NOT baseball", "anything else"))
    }

    @Test func minusIsNot() throws {
        #expect(try matches("strike -baseball", "strike vote"))
        #expect(try !matches("strike -baseball", "baseball strike"))
        #expect(try !matches("strike -\"third strike\"", "third strike"))
        #expect(try matches("strike -(baseball OR bowling)", "rent strike"))
        #expect(try !matches("strike -(baseball OR bowling)", "bowling strike"))
    }

    @Test func lowercaseOperatorsAreWords() throws {
        #expect(try !matches("strike and union", "strike union"))
        #expect(try matches("strike and union", "strike and union"))
    }

    @Test func notBindsTighterThanAndTighterThanOr() throws {
        // a OR b c  ==  a OR (b AND c)
        #expect(try matches("alpha OR beta gamma", "alpha"))
        #expect(try !matches("alpha OR beta gamma", "beta"))
        #expect(try matches("alpha OR beta gamma", "beta gamma"))
        // a OR b AND c  ==  a OR (b AND c)
        #expect(try matches("alpha OR beta AND gamma", "alpha"))
        #expect(try !matches("alpha OR beta AND gamma", "beta"))
        // NOT a b  ==  (NOT a) AND b
        #expect(try matches("NOT alpha beta", "beta"))
        #expect(try !matches("NOT alpha beta", "gamma"))
        #expect(try !matches("NOT alpha beta", "alpha beta"))
        // NOT a OR b  ==  (NOT a) OR b
        #expect(try matches("NOT alpha OR beta", "alpha beta"))
        #expect(try !matches("NOT alpha OR beta", "alpha"))
        // Double negation.
        #expect(try matches("NOT NOT alpha", "alpha"))
    }

    @Test func parenthesesGroup() throws {
        #expect(try !matches("(alpha OR beta) gamma", "alpha"))
        #expect(try matches("(alpha OR beta) gamma", "beta gamma"))
        #expect(try matches("NOT (alpha OR beta)", "gamma"))
        #expect(try !matches("NOT (alpha OR beta)", "beta"))
        #expect(try matches("((alpha))", "alpha"))
    }

    @Test func phrasesMatchConsecutiveWords() throws {
        #expect(try matches("\"general strike\"", "Calls for a General Strike grow"))
        #expect(try !matches("\"general strike\"", "strike general"))
        #expect(try !matches("\"general strike\"", "general labor strike"))
        // Punctuation between words is ignored, hyphens included.
        #expect(try matches("\"general strike\"", "a general-strike vote"))
        #expect(try matches("\"general strike\"", "the general, strike"))
        #expect(try matches("\"Twin Cities\"", "across the Twin Cities’ suburbs"))
        #expect(try matches("\"Twin Cities\"", "“Twin Cities”"))
        // A word with punctuation inside is a phrase too.
        #expect(try matches("covid-19", "COVID 19 cases"))
        #expect(try !matches("covid-19", "19 covid"))
        // Typographic quotes delimit phrases like straight ones.
        #expect(try matches("“general strike”", "general strike"))
    }

    @Test func apostrophesSplitWords() throws {
        #expect(try matches("ICE", "ICE's new policy"))
        #expect(try matches("\"don't\"", "Don’t tread"))
    }

    @Test func shippedExampleRules() throws {
        let ice = try Query(#"ICE OR "Immigration and Customs Enforcement""#)
        #expect(ice.matches(titled("ICE agents at the courthouse")))
        #expect(ice.matches(titled("U.S. Immigration and Customs Enforcement said")))
        #expect(!ice.matches(titled("Ice storm warning")))

        let strike = try Query(#""general strike" AND (Minneapolis OR "Twin Cities")"#)
        #expect(strike.matches(titled("General strike called in Minneapolis")))
        #expect(strike.matches(RuleDocument(
            title: "General strike", content: "Unions across the Twin Cities’ metro")))
        #expect(!strike.matches(titled("General strike in Chicago")))

        let shooting = try Query(
            #"title:(shooting OR shot) AND ("federal agent" OR ICE OR "Border Patrol")"#)
        #expect(shooting.matches(RuleDocument(
            title: "Man shot by agent", content: "A Border Patrol agent fired")))
        #expect(!shooting.matches(RuleDocument(
            title: "Border Patrol agent speaks", content: "after the shooting")))

        let left = try Query("tag:left NOT feed:wsws")
        #expect(left.matches(RuleDocument(feed: "jacobin", tags: ["left"])))
        #expect(!left.matches(RuleDocument(feed: "wsws", tags: ["left"])))
        #expect(!left.matches(RuleDocument(feed: "jacobin", tags: ["right"])))
    }

    @Test func aHyphenInsideAWordIsNotNot() throws {
        #expect(try matches("strike-breaker", "the strike breaker"))
        #expect(try !matches("strike-breaker", "strike"))
        #expect(try matches("strike -breaker", "strike"))
    }

    @Test func anyWhitespaceSeparatesTerms() throws {
        #expect(try matches("strike\tOR\nwalkout", "walkout"))
        #expect(try matches("  strike  ", "strike"))
    }

    @Test func descriptionIsTheSource() throws {
        let query = try Query("a  OR b")
        #expect(query.description == "a  OR b")
        #expect(query.source == "a  OR b")
        #expect(query == (try Query("a  OR b")))
    }
}

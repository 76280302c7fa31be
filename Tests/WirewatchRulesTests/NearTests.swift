import Testing
import WirewatchRules

@Suite("NEAR")
struct NearTests {
    // "ICE(0) agents(1) conducted(2) a(3) raid(4)": three words between ICE and raid.
    let title = "ICE agents conducted a raid"

    @Test func withinTheDistance() throws {
        #expect(try matches("ICE NEAR/3 raid", title))
        #expect(try !matches("ICE NEAR/2 raid", title))
    }

    @Test func eitherOrder() throws {
        #expect(try matches("raid NEAR/3 ICE", title))
    }

    @Test func nearZeroMeansAdjacent() throws {
        #expect(try matches("agents NEAR/0 ICE", title))
        #expect(try !matches("ICE NEAR/0 conducted", title))
    }

    @Test func plainNearIsTen() throws {
        let words = (1...10).map { "w\($0)" }.joined(separator: " ")
        #expect(try matches("start NEAR end", "start \(words) end"))
        #expect(try !matches("start NEAR end", "start \(words) w11 end"))
    }

    @Test func phrasesOnEitherSide() throws {
        #expect(try matches("\"ICE agents\" NEAR/2 raid", title))
        #expect(try !matches("\"ICE agents\" NEAR/1 raid", title))
        #expect(try matches("\"a raid\" NEAR/1 agents", title))
    }

    @Test func occurrencesMayNotOverlap() throws {
        #expect(try !matches("ice NEAR ice", "ice storm"))
        #expect(try matches("ice NEAR ice", "ice on ice"))
    }

    @Test func bothSidesInOneField() throws {
        let document = RuleDocument(title: "ICE raid", content: "agents")
        #expect(!(try Query("raid NEAR agents")).matches(document))
        #expect(try Query("title:(ICE NEAR raid)").matches(document))
        #expect(!(try Query("content:(ICE NEAR raid)")).matches(document))
    }

    @Test func nearBindsTighterThanNot() throws {
        #expect(try matches("NOT ICE NEAR/0 raid", title))
        #expect(try !matches("NOT ICE NEAR/0 agents", title))
    }
}

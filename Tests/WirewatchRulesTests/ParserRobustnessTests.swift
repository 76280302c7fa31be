import Testing
import WirewatchRules

@Suite("Parser robustness")
struct RobustnessTests {
    /// Every prefix and every suffix of a query using all the syntax either parses or
    /// fails with a column inside the query (or just past its end).
    @Test func fragmentsParseOrPointInsideTheQuery() {
        let full = #"title:(ICE OR "Border Patrol") -feed:wsws AND (strik* NEAR/3 "general strike") OR /a\/b/i lang:en-US link:https://x.org/a"#
        let characters = Array(full)
        for cut in 0...characters.count {
            for fragment in [String(characters[..<cut]), String(characters[cut...])] {
                guard let error = syntaxError(fragment) else { continue }
                #expect((1...max(1, fragment.count + 1)).contains(error.column), "\(fragment)")
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 500) + "a" + String(repeating: ")", count: 500)
        #expect(syntaxError(deep)?.message == "expression nested too deeply (more than 100 levels)")
        #expect(syntaxError(String(repeating: "NOT ", count: 500) + "a")?.column == 401)
        #expect(syntaxError(String(repeating: "title:", count: 500) + "a") != nil)
        let fine = String(repeating: "(", count: 50) + "a" + String(repeating: ")", count: 50)
        #expect(syntaxError(fine) == nil)
    }
}

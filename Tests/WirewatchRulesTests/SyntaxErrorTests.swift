import Testing
import WirewatchRules

@Suite("Syntax errors")
struct SyntaxErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var column: Int
        var message: String
        var testDescription: String { query }
    }

    static let cases: [Case] = [
        Case(query: "", column: 1, message: "empty query"),
        Case(query: "   ", column: 1, message: "empty query"),
        Case(query: "ICE AND", column: 8, message: "expected a term after AND"),
        Case(query: "ICE OR", column: 7, message: "expected a term after OR"),
        Case(query: "a OR OR b", column: 6, message: "expected a term after OR, found OR"),
        Case(query: "a AND)", column: 6, message: "expected a term after AND, found ')'"),
        Case(query: "NOT", column: 4, message: "expected a term after NOT"),
        Case(query: "AND ICE", column: 1, message: "AND needs a term on its left"),
        Case(query: "OR ICE", column: 1, message: "OR needs a term on its left"),
        Case(query: "\"general strike", column: 1, message: "unclosed quote"),
        Case(query: "ICE \"general", column: 5, message: "unclosed quote"),
        Case(query: "\"\"", column: 1, message: "empty phrase"),
        Case(query: "title:\"  \"", column: 7, message: "empty phrase"),
        Case(query: "(ICE OR DHS", column: 1, message: "unclosed '(' (missing ')')"),
        Case(query: "title:(a OR b", column: 7, message: "unclosed '(' (missing ')')"),
        Case(query: "ICE)", column: 4, message: "unbalanced ')'"),
        Case(query: "(a) b)", column: 6, message: "unbalanced ')'"),
        Case(query: "()", column: 1, message: "empty parentheses"),
        Case(
            query: "titel:strike", column: 1,
            message:
                "unknown field 'titel:' (known: title, summary, content, author, feed, tag, category, lang, link, covered)"
        ),
        Case(
            query: "café titel:x", column: 6,
            message:
                "unknown field 'titel:' (known: title, summary, content, author, feed, tag, category, lang, link, covered)"
        ),
        Case(query: "title:", column: 7, message: "expected a term after 'title:'"),
        Case(query: "title: strike", column: 7, message: "no space allowed after 'title:'"),
        Case(query: "a - b", column: 3, message: "expected a term after '-'"),
        Case(query: "a NEAR/x b", column: 8, message: "expected a number (0–1000) after 'NEAR/'"),
        Case(query: "a NEAR", column: 7, message: "expected a term after NEAR"),
        Case(query: "NEAR a", column: 1, message: "NEAR needs a term on its left"),
        Case(
            query: "a NEAR (b OR c)", column: 8,
            message: "NEAR needs a word or phrase on each side (scope the pair instead: title:(a NEAR b))"),
        Case(
            query: "title:a NEAR b", column: 1,
            message: "NEAR needs a word or phrase on each side (scope the pair instead: title:(a NEAR b))"),
        Case(query: "a NEAR b NEAR c", column: 10, message: "NEAR cannot be chained; join NEAR pairs with AND"),
        Case(
            query: "tag:(a NEAR b)", column: 8,
            message: "NEAR only works in text fields (title, summary, content, author)"),
        Case(query: "/unclosed", column: 1, message: "unclosed regular expression (missing '/')"),
        Case(query: "a //", column: 3, message: "empty regular expression"),
        Case(query: "a /(/", column: 3, message: "invalid regular expression: expected ')'"),
        Case(query: "/x/g", column: 4, message: "unknown regular expression flag 'g' (only 'i' is supported)"),
        Case(
            query: "strike /(i?)walkout/", column: 9,
            message: "'(i?)' makes a letter 'i' optional; for a case-insensitive regular expression write /…/i"),
        Case(query: "str*ke", column: 1, message: "'*' can only end a word (as in strik*)"),
        Case(query: "a *", column: 3, message: "no letters or digits to match before '*'"),
        Case(query: "&", column: 1, message: "no letters or digits to match in '&'"),
        Case(query: "tag:\" \"", column: 5, message: "empty phrase"),
    ]

    @Test(arguments: cases)
    func reportsTheColumn(_ expected: Case) {
        let error = syntaxError(expected.query)
        #expect(error?.column == expected.column)
        #expect(error?.message == expected.message)
        #expect(error?.source == expected.query)
    }

    @Test func messagesAreOneLine() {
        for expected in Self.cases {
            let error = syntaxError(expected.query)
            #expect(error?.description.contains("\n") == false)
        }
    }

    @Test func descriptionNamesTheColumn() {
        #expect(syntaxError("ICE AND")?.description == "column 8: expected a term after AND")
    }

    @Test func caretDiagramPointsAtTheColumn() {
        #expect(syntaxError("ICE AND")?.caretDiagram == "ICE AND\n       ^")
        #expect(syntaxError("ICE)")?.caretDiagram == "ICE)\n   ^")
        #expect(syntaxError("titel:x")?.caretDiagram == "titel:x\n^")
    }

    @Test func validQueriesParse() {
        let valid = [
            #"ICE OR "Immigration and Customs Enforcement""#,
            #""general strike" AND (Minneapolis OR "Twin Cities")"#,
            #"title:(shooting OR shot) AND ("federal agent" OR ICE OR "Border Patrol")"#,
            "tag:left NOT feed:wsws",
            "strik* -baseball",
            "ICE NEAR/5 \"federal agent\"",
            "/ice/i OR link:https://example.org/a:b",
            "10:30 U.S. covid-19",
            "lang:en-US summary:x",
        ]
        for query in valid {
            #expect(syntaxError(query) == nil, "\(query)")
        }
    }
}

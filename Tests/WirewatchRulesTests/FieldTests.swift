import Testing
import WirewatchRules

@Suite("Field scopes")
struct FieldTests {
    let document = RuleDocument(
        title: "Strike vote today",
        summary: "Nurses decide",
        content: "The union said the walkout would start Monday.",
        author: "Jane Doe-Smith",
        feed: "Labor Notes",
        link: "https://LaborNotes.org/2026/11/strike-vote",
        language: "en-US",
        tags: ["left", "Labor"],
        categories: ["Health Care", "Unions"])

    func check(_ query: String) throws -> Bool {
        try Query(query).matches(document)
    }

    @Test func unscopedSearchesTitleSummaryAndContent() throws {
        #expect(try check("strike"))
        #expect(try check("nurses"))
        #expect(try check("walkout"))
        #expect(try !check("jane"))
        #expect(try !check("notes"))
    }

    @Test func textFields() throws {
        #expect(try check("title:strike"))
        #expect(try !check("title:nurses"))
        #expect(try check("summary:nurses"))
        #expect(try !check("summary:strike"))
        #expect(try check("content:walkout"))
        #expect(try !check("content:strike"))
        #expect(try check("author:doe"))
        #expect(try check("author:\"jane doe\""))
        #expect(try !check("author:jan"))
    }

    @Test func scopesApplyToPhrasesAndGroups() throws {
        #expect(try check("title:\"strike vote\""))
        #expect(try !check("content:\"strike vote\""))
        #expect(try check("title:(nurses OR vote)"))
        #expect(try !check("title:(nurses OR walkout)"))
        #expect(try check("title:(strike -nurses)"))
        #expect(try check("-title:nurses"))
        // The innermost scope wins.
        #expect(try check("title:(strike summary:nurses)"))
    }

    @Test func feedComparesWholeValues() throws {
        #expect(try check("feed:\"labor notes\""))
        #expect(try check("feed:\"LABOR  NOTES\""))
        #expect(try !check("feed:labor"))
        #expect(try check("feed:lab*"))
        // Whitespace of any kind (tab, no-break space, ideographic space) is one
        // space; punctuation stays part of the value.
        let spaced = RuleDocument(title: "", feed: "Labor\t\u{00A0}Notes\u{3000}", categories: ["Health-Care"])
        #expect(try Query("feed:\"labor notes\"").matches(spaced))
        #expect(try Query("category:health-care").matches(spaced))
        #expect(try !Query("category:\"health care\"").matches(spaced))
    }

    @Test func tagsAndCategoriesCompareWholeValues() throws {
        #expect(try check("tag:left"))
        #expect(try check("tag:LABOR"))
        #expect(try !check("tag:lef"))
        #expect(try check("tag:lef*"))
        #expect(try check("tag:(right OR left)"))
        #expect(try check("category:\"health care\""))
        #expect(try !check("category:health"))
        #expect(try check("category:unions"))
        #expect(try !check("tag:unions"))
        #expect(try Query("tag:izquierda").matches(RuleDocument(tags: ["Izquíerda"])))
        #expect(!(try Query("tag:far-left")).matches(RuleDocument(tags: ["far left"])))
    }

    @Test func langMatchesTheLanguageAndItsSubtags() throws {
        #expect(try check("lang:en"))
        #expect(try check("lang:en-us"))
        #expect(try check("lang:EN_US"))
        #expect(try !check("lang:es"))
        #expect(try !check("lang:en-gb"))
        #expect(try !(Query("lang:en").matches(RuleDocument(language: "eng"))))
        #expect(try Query("lang:en").matches(RuleDocument(language: "EN")))
    }

    @Test func linkIsASubstring() throws {
        #expect(try check("link:labornotes.org"))
        #expect(try check("link:https://labornotes.org/2026"))
        #expect(try check("link:strike-vote"))
        #expect(try !check("link:example.com"))
        #expect(try check("link:\"/2026/11/\""))
    }

    @Test func fieldNamesAreCaseInsensitive() throws {
        #expect(try check("Title:strike"))
    }

    @Test func emptyFieldsNeverMatch() throws {
        let empty = RuleDocument()
        for query in ["strike", "tag:left", "lang:en", "link:x", "/./", "NOT strike"] {
            #expect(try Query(query).matches(empty) == (query == "NOT strike"))
        }
    }
}

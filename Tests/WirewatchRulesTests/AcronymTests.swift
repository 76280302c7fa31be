import Testing
import WirewatchRules

@Suite("The acronym rule")
struct AcronymTests {
    @Test func capitalizedAcronymsAreCaseSensitive() throws {
        #expect(try matches("ICE", "ICE agents detain"))
        #expect(try !matches("ICE", "ice storm tonight"))
        #expect(try !matches("ICE", "Ice at a sentence start"))
        #expect(try !matches("ICE", "iCE"))
        #expect(try matches("DHS", "DHS statement"))
        #expect(try !matches("DHS", "dhs"))
    }

    @Test func lowercaseMatchesEveryCase() throws {
        for title in ["ICE agents", "ice storm", "Ice at a sentence start"] {
            #expect(try matches("ice", title))
        }
    }

    @Test func aSingleCapitalIsNotAnAcronym() throws {
        #expect(try matches("I", "i"))
        #expect(try matches("Ice", "ICE"))
    }

    @Test func acronymsWithDigitsAndDiacritics() throws {
        #expect(try matches("COVID19", "COVID19 wave"))
        #expect(try !matches("COVID19", "Covid19 wave"))
        #expect(try matches("ÉTA", "ETA attack"))
        #expect(try !matches("ÉTA", "eta"))
    }

    @Test func acronymRuleAppliesPerWordInPhrases() throws {
        #expect(try matches("\"ICE agents\"", "ICE Agents arrive"))
        #expect(try !matches("\"ICE agents\"", "ice agents"))
    }

    @Test func acronymPrefixNeedsCapitalsForThePrefix() throws {
        #expect(try matches("ICE*", "ICEBERG"))
        #expect(try !matches("ICE*", "Iceberg"))
        #expect(try matches("ice*", "Iceberg"))
    }

    @Test func quotedOperatorsAreAcronyms() throws {
        #expect(try matches("\"OR\"", "Salem, OR"))
        #expect(try !matches("\"OR\"", "this or that"))
    }
}

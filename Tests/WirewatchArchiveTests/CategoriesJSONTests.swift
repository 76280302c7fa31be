import Foundation
import Testing
@testable import WirewatchArchive

@Suite("Categories stored as JSON")
struct CategoriesJSONTests {
    @Test(arguments: [
        [String](),
        ["News"],
        ["Releases & Updates", "Politics/Elections", "Économie", "東京", "😀"],
        ["say \"hi\"", "back\\slash", "tab\there", "line\nbreak", "cr\rx", "bell\u{07}", "nul\u{00}", "esc\u{1B}"],
        ["", " "],
    ])
    func readsBackExactly(_ categories: [String]) throws {
        let json = Archive.json(categories)
        let decoded = try JSONDecoder().decode([String].self, from: Data(json.utf8))
        #expect(decoded == categories)
    }

    @Test func plainCategoriesAreWrittenAsJSONEncoderWrote() throws {
        let categories = ["News", "Politics/Elections", "Économie", "say \"hi\"", "back\\slash"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        #expect(Archive.json(categories) == String(decoding: try encoder.encode(categories), as: UTF8.self))
    }
}

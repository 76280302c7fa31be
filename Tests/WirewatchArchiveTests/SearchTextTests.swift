import Foundation
import GRDB
import Testing
import WirewatchCore
import WirewatchTesting
@testable import WirewatchArchive

@Suite("Ideographs and kana in the full-text index")
struct SearchTextTests {
    @Test func eachIdeographAndKanaIsAWordOfItsOwn() {
        #expect(SearchText.segmented("工人罢工") == " 工  人  罢  工 ")
        #expect(SearchText.segmented("東京でストライキ") == " 東  京  で  ス  ト  ラ  イ  キ ")
        // Hangul is written with spaces: left alone, as are Latin, Arabic and Cyrillic text.
        for text in ["서울 노동자 파업", "General strike — grève", "إضراب عمال", "Забастовка", ""] {
            #expect(SearchText.segmented(text) == text)
        }
        #expect(SearchText.segmented("Minneapolis 罢工 day 2") == "Minneapolis  罢  工  day 2")
    }

    @Test func theByteScanFindsEveryLeadOfAnIdeographOrKana() {
        for text in ["工", "で", "ｶ", "x 😀", String(repeating: "a", count: 70) + "東"] {
            #expect(SearchText.mayHaveUnspacedScript(text), "\(text)")
        }
        for text in ["", "plain ASCII", "grève", "서울", "Забастовка", String(repeating: "é", count: 100)] {
            #expect(!SearchText.mayHaveUnspacedScript(text), "\(text)")
        }
        // A bridged string without contiguous UTF-8 takes the slow path, with the same answer.
        #expect(SearchText.mayHaveUnspacedScript(NSString(string: "abc 工") as String))
        #expect(!SearchText.mayHaveUnspacedScript(NSString(string: "abc") as String))
    }

    @Test func chineseAndJapaneseWordsAreFoundAndEditsReindexed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let archive = try Archive(path: dir.file("a.sqlite"))
        let id = try #require(try archive.registerFeeds([("cn", "u")])["cn"])
        _ = try archive.ingest(feedID: id, feedName: "cn", items: [
            entry("1", title: "明尼阿波利斯工人罢工进入第二天", text: "数千名工人周二举行罢工，要求提高工资。"),
            entry("2", title: "東京で大規模なストライキ", text: "労働者がストライキを行った。"),
        ])
        let strike = try archive.search(SearchRequest(condition: .phrase(["罢", "工"], field: .title)))
        #expect(strike.map(\.item.guid) == ["1"])
        let japanese = try archive.search(SearchRequest(condition: .phrase(["ス", "ト", "ラ", "イ", "キ"], field: nil)))
        #expect(japanese.map(\.item.guid) == ["2"])

        // An edit re-indexes the row with the same words, so the index stays consistent.
        _ = try archive.ingest(feedID: id, feedName: "cn", items: [
            entry("1", title: "明尼阿波利斯工人罢工进入第三天", text: "数千名工人周二举行罢工。"),
        ])
        #expect(try archive.search(SearchRequest(condition: .phrase(["三", "天"], field: .title))).count == 1)
        #expect(try archive.search(SearchRequest(condition: .phrase(["二", "天"], field: .title))).isEmpty)
    }
}

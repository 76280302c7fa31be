import Testing
import WirewatchCore
import WirewatchRules

/// Chinese and Japanese are written without spaces: each ideograph and kana is a
/// word, and a term of several is the phrase of them.
@Suite("Ideographs and kana")
struct IdeographTests {
    let chinese = "明尼阿波利斯工人罢工进入第二天"

    @Test func aChineseTermMatchesInsideARunOfCharacters() throws {
        #expect(try matches("罢工", chinese))
        #expect(try matches("title:第二天", chinese))
        #expect(try !matches("罢工", "工人要求罢免主管"))  // 罢 and 工, but not together
        #expect(try !matches("罢工", "Minneapolis general strike"))
    }

    @Test func japaneseKanaAndKanji() throws {
        #expect(try matches("ストライキ", "東京で大規模なストライキ"))
        #expect(try matches("東京 AND ストライキ", "東京で大規模なストライキ"))
        #expect(try !matches("ストライキ", "東京でストライクアウト"))
    }

    @Test func prefixesNearAndMixedScripts() throws {
        #expect(try matches("罢*", chinese))
        // NEAR counts characters: 罢工 stands between 工人 and 进入.
        #expect(try matches("工人 NEAR/2 进入", chinese))
        #expect(try !matches("工人 NEAR/1 进入", chinese))
        // A Latin word right before an ideograph is still a word of its own.
        #expect(try matches("Minneapolis AND 罢工", "Minneapolis罢工进入第二天"))
        #expect(try matches("ICE AND 罢工", "ICE罢工"))
    }

    @Test func hangulKeepsItsSpaces() throws {
        #expect(try matches("파업", "서울 노동자 파업 이틀째"))
        #expect(try !matches("파", "서울 노동자 파업 이틀째"))
    }

    /// A rule set (what the daemon runs) triggers phrase rules by word pairs: the
    /// same answers as each query alone.
    @Test func aRuleSetAgreesWithTheQueries() throws {
        let rules = try RuleSet([
            .init(name: "zh", query: Query("罢工")), .init(name: "ja", query: Query("ストライキ")),
            .init(name: "both", query: Query("工人 AND 第二天")), .init(name: "apart", query: Query("\"罢 免\"")),
        ])
        #expect(rules.matches(titled(chinese)).sorted() == ["both", "zh"])
        #expect(rules.matches(titled("東京で大規模なストライキ")) == ["ja"])
        #expect(rules.matches(titled("工人要求罢免主管")) == ["apart"])
    }

    @Test func aTermBecomesAPhraseForTheIndex() throws {
        #expect(try Query("罢工").textCondition == .phrase(["罢", "工"], field: nil))
    }
}

import Testing
@testable import WirewatchRules

/// Regular expressions that would take exponential time on some texts are refused
/// with the group pointed at; safe ones with nested quantifiers are not.
@Suite("Regex risk")
struct RegexRiskTests {
    @Test(arguments: [
        ("(a+)+$", 0), ("x(a*)*", 1), (#"(\w+\s?)+strike"#, 0), (#"(\d{1,3},?)+"#, 0),
        ("(?:x+)+", 0), ("((a+))+", 0), ("(b|(a+))*", 0), (#"^(\w+\s?)*$"#, 1),
        ("(?<word>a+){2,}", 0), ("(.*)+x", 0), ("(a+b?)*", 0), ("(?i:a+)+", 0),
        (#"strike (\s*\w+\s*)+ vote"#, 7), ("(?'w'a+)+", 0), ("(?P<w>a*)*", 0),
    ])
    func nestedRepetitionIsFound(pattern: String, offset: Int) {
        #expect(RegexRisk.nestedRepetition(in: pattern) == offset, "\(pattern)")
    }

    @Test(arguments: [
        "strike", #"(\s+\w+)+"#, #"(\w+,)*"#, "(ab)+", "(a+)", "(a+)?", "(a+){1}", "(?>a+)+", "(a++)+",
        "(?=a+)+x", #"[(a+)+]"#, #"\(a+\)+"#, "(a|b)*c", "a{2,}b+", #"\d+ (arrested|detained)"#,
        "(?i)strike+", "(a+b)+", #"(\w+\s)+"#, "((ab)c)+", "", "(?'w'ab)+", "(?P<w>a)+",
    ])
    func safePatternsPass(pattern: String) {
        #expect(RegexRisk.nestedRepetition(in: pattern) == nil, "\(pattern)")
    }

    @Test(arguments: [
        (#"(\w|\d)+$"#, 0), (#"(.|\s)*x"#, 0), ("x([a-z]|e)+", 1), (#"((\w|\d)x)*"#, 0),
        (#"(\d|[0-9a-f])+"#, 0), (#"(é|\w)+"#, 0), (#"(\W|,)+"#, 0), (#"(\s|\h)*"#, 0),
        (#"(?:\w|\.|\d)+"#, 0), (#"(a|[^b])*"#, 0), (#"(\w|\d){2,}"#, 0), (#"strike ((\d)|\w)+"#, 7),
    ])
    func overlappingAlternativesAreFound(pattern: String, offset: Int) {
        #expect(RegexRisk.find(in: pattern) == .init(offset: offset, kind: .overlappingAlternatives), "\(pattern)")
    }

    @Test(arguments: [
        #"(\w|-)+"#, #"(.|\n)*"#, #"(\w|\W)*"#, "(a|b)+", #"(\d|x)+"#, #"(\s|,)+"#, #"(\w|\d){2}"#,
        #"(?>\w|\d)+"#, #"(\w|\d)++"#, "(ab|ac)+", #"([a-z]|[0-9])+"#, #"(\p{L}|\d)+"#, #"(\w|\d)"#,
        #"(é|è)+"#, #"([[:alpha:]]|\d)+"#, #"(\.|,)+"#, #"(\b|a)+"#, #"([^\d]|\d)+"#,
    ])
    func disjointAlternativesPass(pattern: String) {
        #expect(RegexRisk.find(in: pattern) == nil, "\(pattern)")
    }

    @Test(arguments: [
        ("(a|aa)*x", 0), ("(ab|aba|ba)+$", 0), ("(ab|abab)+", 0), ("x(na|nana|banana)*y", 1),
        (#"(\.|\.\.)+"#, 0), ("(?:A|aa)+", 0), ("(a|b|ab)*", 0), ("(ha|haha){2,}", 0),
    ])
    func alternativesSpellingOneTextTwoWaysAreFound(pattern: String, offset: Int) {
        #expect(RegexRisk.find(in: pattern) == .init(offset: offset, kind: .ambiguousWords), "\(pattern)")
    }

    @Test(arguments: [
        "(a|ab)*", "(ab|ac)+", "(x|xy|yz)*", "(foo|bar)+", "(Mr|Mrs|Ms)+", "(a|aa){2}", "(?>a|aa)+", "(a|aa)",
        #"(U\.S\.|US)+"#, "(0|10|110)+",
    ])
    func alternativesSpellingEachTextOneWayPass(pattern: String) {
        #expect(RegexRisk.find(in: pattern) == nil, "\(pattern)")
    }

    @Test func wordCodes() {
        func code(_ words: [String]) -> Bool { WordCode.isUniquelyDecodable(words.map { Array($0.unicodeScalars) }) }
        #expect(code(["0", "10", "110", "111"]))  // a prefix code
        #expect(code(["1", "10", "100"]))  // a suffix code, not a prefix code
        #expect(!code(["a", "aa"]))
        #expect(!code(["ab", "aba", "ba"]))  // ab·aba = aba·ba
        #expect(!code(["a", "b", "ab"]))
        #expect(!code(["x", "x"]))
    }

    @Test func alternativesSpellingOneTextTwoWaysAreRefused() {
        let error = syntaxError("/(na|nana)+ batman/")
        #expect(error?.column == 2)
        #expect(error?.message.hasPrefix("overlapping alternatives") == true, "\(String(describing: error))")
        #expect(error?.message.contains("two ways") == true)
    }

    @Test func theRuleIsRefusedWithTheGroupPointedAt() {
        let error = syntaxError(#"strike /(\w+\s?)+vote/"#)
        #expect(error?.column == 9)
        #expect(error?.message.hasPrefix("nested repetition") == true, "\(String(describing: error))")
    }

    @Test func overlappingAlternativesAreRefusedWithTheirOwnReason() {
        let error = syntaxError(#"title:/(\w|\d)+ arrested/"#)
        #expect(error?.column == 8)
        #expect(error?.message.hasPrefix("overlapping alternatives") == true, "\(String(describing: error))")
    }
}

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

import Testing
@testable import WirewatchRules

@Suite("Engine internals")
struct EngineTests {
    func required(_ pattern: String, ignoreCase: Bool = false) -> Set<String> {
        Set(RegexLiteral.required(in: pattern, ignoreCase: ignoreCase).map { String(decoding: $0, as: UTF8.self) })
    }

    @Test func regexLiteralsAreWhatEveryMatchContains() {
        #expect(required("arrested") == ["arrested"])
        #expect(required(#"\d+ (arrested|detained)"#) == ["arrested", "detained"])
        #expect(required("strik(e|ing)s?") == ["strik"])
        #expect(required("abc?de") == ["ab"])
        #expect(required("ab+cdef") == ["cdef"])
        #expect(required("x{0,3}yz") == ["yz"])
        #expect(required(#"ICE\.gov"#) == ["ICE.gov"])
        #expect(required("Strike", ignoreCase: true) == ["stri"])
        #expect(required("kicks", ignoreCase: true) == ["ic"])  // "k" may be U+212A
        #expect(required("a|bc") == ["a", "bc"])
        #expect(required("(?:raid|raids) on") == ["raid", "raids"] || required("(?:raid|raids) on") == [" on"])
    }

    @Test func unknownSyntaxGivesNoLiteral() {
        #expect(required("(?i)strike").isEmpty)
        #expect(required(#"(a)\1"#).isEmpty)
        #expect(required(#"\p{L}+ strike"#).isEmpty)
        #expect(required("(a|)").isEmpty)
        #expect(required("(strike)?").isEmpty)
        #expect(required("x{2").isEmpty)
    }

    /// The prefilter and the windows must never change an answer.
    @Test func prefilteredRegexesAgreeWithTheEngine() throws {
        let patterns = [
            #"\d+ (arrested|detained)"#, #"\bstrik(e|es|ing)\b"#, #"\b[A-Z]{3,5}\b agents"#,
            "pen[a-z]+ raid", "general[- ]strike", #"strike\s+vote"#, "^Strike", "vote$",
            "general(?= strike)", #"\bICE\b.{0,20}raid"#, "a.c", #"ice\b"#, "café",
            #"\Bike"#, "k{2}", "[^x]+strike",
        ]
        let texts = [
            "12 arrested at the strike vote", "general-strike", "general strike", "Strike vote",
            "ICE agents raid a home", "the ICE  agents", "ICE: raid", "strikes and striking",
            "pen raid", "penny raid", "penn  raid", "abc", "a\u{301}c", "cafe\u{301}", "café",
            "bike hike", "Kk kk", "x strike", "nice vote", "VOTE", "", "ice",
            "ICE\u{301} agents", "ICE ’ agents", "Twin Cities general  strike",
        ]
        for pattern in patterns {
            for ignoreCase in [false, true] {
                let compiled = try CompiledRegex(pattern: pattern, ignoreCase: ignoreCase)
                var plain = try Regex(pattern)
                if ignoreCase { plain = plain.ignoresCase() }
                for text in texts {
                    let expected = !text.isEmpty && text.contains(plain)
                    #expect(compiled.matches(text) == expected, "\(pattern) \(ignoreCase) \(text)")
                }
            }
        }
    }

    /// The vector search finds exactly the occurrences a byte-by-byte search finds, in
    /// order: needles of 1–9 bytes (letters, digits, punctuation, repeated bytes), with
    /// and without case, at every offset of texts shorter and longer than one block.
    @Test func needleSearchAgreesWithANaiveSearch() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        let alphabet = Array("aAbBsS .-1@`[{".utf8)
        func naive(_ needle: [UInt8], _ text: [UInt8], _ ignoreCase: Bool) -> [Range<Int>] {
            guard needle.count <= text.count else { return [] }
            return (0...(text.count - needle.count)).filter { start in
                needle.indices.allSatisfy { k in
                    var h = text[start + k]
                    if ignoreCase && h >= 0x41 && h <= 0x5A { h += 0x20 }
                    return h == needle[k]
                }
            }.map { $0..<$0 + needle.count }
        }
        for round in 0..<3_000 {
            let length = round < 200 ? round % 40 : next(120)
            let text = (0..<length).map { _ in alphabet[next(alphabet.count)] }
            var needle = (0..<(1 + next(9))).map { _ in alphabet[next(alphabet.count)] }
            if length > 0, next(2) == 0 {
                // A needle taken from the text, so that it occurs.
                let start = next(length)
                needle = Array(text[start..<min(length, start + 1 + next(9))])
            }
            for ignoreCase in [false, true] {
                let folded = ignoreCase
                    ? needle.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 } : needle
                var found: [Range<Int>] = []
                text.withUnsafeBufferPointer { buffer in
                    RegexLiteral.occurrences(folded, in: buffer, ignoreCase: ignoreCase) {
                        found.append($0)
                        return false
                    }
                }
                #expect(found == naive(folded, text, ignoreCase), "\(folded) \(text) \(ignoreCase)")
                // Stopping at the first occurrence.
                var first: [Range<Int>] = []
                text.withUnsafeBufferPointer { buffer in
                    RegexLiteral.occurrences(folded, in: buffer, ignoreCase: ignoreCase) {
                        first.append($0)
                        return true
                    }
                }
                #expect(first == Array(naive(folded, text, ignoreCase).prefix(1)))
            }
        }
    }

    @Test func windowsAreBoundedBySpaces() {
        let windows = RegexLiteral.windows(
            of: [Array("raid".utf8)], in: "one two three raid four five six", ignoreCase: false, spaces: 1)
        #expect(windows == [8..<23])
        #expect(RegexLiteral.windows(of: [Array("raid".utf8)], in: "none", ignoreCase: false, spaces: 1) == [])
        #expect(RegexLiteral.windows(of: [Array("raid".utf8)], in: "a raid", ignoreCase: false, spaces: nil) == nil)
    }

    /// The lazy form tests the same windows, in order, and stops at the first accepted.
    @Test func windowsTriedLazilyStopAtTheFirstAccepted() {
        let text = "a raid here, then far away words go on and on, raid there raid"
        let needles = [Array("raid".utf8)]
        let eager = RegexLiteral.windows(of: needles, in: text, ignoreCase: false, spaces: 1)!
        var tried: [Range<Int>] = []
        let none = RegexLiteral.anyWindow(of: needles, in: text, ignoreCase: false, spaces: 1) {
            tried.append($0)
            return false
        }
        #expect(none == false)
        #expect(tried == eager)
        tried = []
        let first = RegexLiteral.anyWindow(of: needles, in: text, ignoreCase: false, spaces: 1) {
            tried.append($0)
            return true
        }
        #expect(first == true)
        #expect(tried == [eager[0]])
        #expect(RegexLiteral.anyWindow(of: needles, in: "none", ignoreCase: false, spaces: 1) { _ in true } == false)
        #expect(RegexLiteral.anyWindow(of: needles, in: "a RAID", ignoreCase: true, spaces: nil) { _ in false } == nil)
    }

    @Test func rulesWithoutWordsAreAlwaysEvaluated() throws {
        let set = RuleSet([
            .init(name: "not", query: try Query("NOT strike")),
            .init(name: "tag", query: try Query("tag:left")),
            .init(name: "regex", query: try Query(#"/\d+ arrested/"#)),
            .init(name: "word", query: try Query("strike")),
            .init(name: "or", query: try Query("strike OR feed:wsws")),
        ])
        #expect(set.matches(RuleDocument(title: "nothing")) == ["not"])
        #expect(set.matches(RuleDocument(title: "5 arrested", tags: ["left"])) == ["not", "tag", "regex"])
        #expect(set.matches(RuleDocument(title: "strike", feed: "wsws")) == ["word", "or"])
        #expect(set.matches(RuleDocument(feed: "WSWS")) == ["not", "or"])
    }

    @Test func triggersPickOneNecessaryAtomSet() throws {
        func triggers(_ source: String) throws -> [String]? {
            let query = try Query(source)
            return query.root.triggers(query.lexicon.atoms)?.map {
                String(decoding: query.lexicon.atoms[Int($0)].folded, as: UTF8.self)
            }.sorted()
        }
        #expect(try triggers("strike") == ["strike"])
        #expect(try triggers("a OR b") == ["a", "b"])
        #expect(try triggers("minneapolis AND (a OR b)") == ["minneapolis"])
        #expect(try triggers(#""general strike""#) == ["general"])
        #expect(try triggers("strike NOT baseball") == ["strike"])
        #expect(try triggers("strike OR NOT x") == nil)
        #expect(try triggers("tag:left") == nil)
        #expect(try triggers("tag:left strike") == ["strike"])
    }

    /// Many rules over many documents: the rule set (trigger index, shared table,
    /// scratch reuse) gives each rule the answer of its query alone.
    @Test func largeRuleSetAgreesWithQueriesAlone() throws {
        let words = ["ice", "ICE", "raid", "strike", "strik*", "union", "\"general strike\"", "title:vote",
                     "minneapolis", "\"twin cities\"", "agents", "tag:left", "feed:wsws", "/\\d+ arrested/",
                     "sahán", "court*", "DHS"]
        var sources: [String] = []
        var state: UInt64 = 42
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<400 {
            let count = 1 + next(4)
            let terms = (0..<count).map { _ in words[next(words.count)] }
            var source = terms.joined(separator: next(2) == 0 ? " OR " : " ")
            if next(8) == 0 { source = "(\(source)) NOT \(words[next(words.count)])" }
            if next(12) == 0, terms.count >= 2, !terms[0].contains(":"), !terms[1].contains(":"),
               !terms[0].hasPrefix("/"), !terms[1].hasPrefix("/") {
                source = "(\(terms[0]) NEAR/\(next(4)) \(terms[1]))"
            }
            sources.append(source)
        }
        let rules = try sources.enumerated().map { RuleSet.Rule(name: "r\($0.offset)", query: try Query($0.element)) }
        let set = RuleSet(rules)
        let texts = [
            "ICE agents raid homes in Minneapolis", "ice storm; 12 arrested at the courthouse",
            "General strike vote in the Twin Cities", "DHS and union leaders", "Sahan court ruling",
            "striking nurses", "nothing at all", "the general, strike — twin cities' union agents",
        ]
        for (index, text) in texts.enumerated() {
            for document in [
                RuleDocument(title: text),
                RuleDocument(title: "vote", content: text, feed: index % 2 == 0 ? "wsws" : "x", tags: index % 3 == 0 ? ["left"] : []),
            ] {
                let alone = rules.filter { $0.query.matches(document) }.map(\.name)
                #expect(set.matches(document) == alone, "\(text)")
            }
        }
    }

    @Test func concurrentCallersGetTheirOwnScratch() async throws {
        let set = RuleSet([
            .init(name: "ice", query: try Query("ICE raid*")),
            .init(name: "strike", query: try Query(#""general strike""#)),
        ])
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let ice = index % 2 == 0
                    let names = set.matches(RuleDocument(title: ice ? "ICE raids" : "a general strike"))
                    return names == [ice ? "ice" : "strike"]
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(!results.contains(false))
    }
}

@Suite("Document scanner")
struct DocumentScannerTests {
    /// The document scanner must split and fold text exactly like `WordScanner`, which
    /// folds query words: every word WordScanner finds must be found by the document
    /// scanner at the same position, as the same atom.
    @Test(arguments: [
        "Plain ASCII words, with punctuation: ICE's raid—in Minneapolis!",
        "Sahán, Łódź, Straße, Encyclopædia, ﬁne, café, naïve, Zürich",
        "Saha\u{301}n and e\u{301}te\u{301} with combining marks",
        "МОСКВА москва Ελλάδα ΣΟΦΟΣ σοφός",
        "東京で会議 and 北京 mixed 123 456",
        "emoji 👩‍👩‍👧 between words 🚀rocket",
        "soft\u{AD}hyphen zero\u{200B}width non\u{200C}joiner",
        String(repeating: "a", count: 5_000) + " tail",
        "’curly’ “quotes” and 10:30, U.S.A. co-op",
        "",
        "\u{301}\u{301} only marks",
    ])
    func scansLikeWordScanner(_ text: String) {
        var bytes: [UInt8] = []
        var words: [ScannedWord] = []
        WordScanner.scan(text, into: &bytes, words: &words)
        var lexicon = Lexicon()
        let ids = words.map { word in
            lexicon.intern(Atom(
                folded: Array(bytes[Int(word.start)..<Int(word.end)]), isPrefix: false,
                caseSensitive: false))
        }
        let table = AtomTable(lexicon.atoms)
        let scratch = Scratch(atoms: lexicon.atoms.count, rules: 1, regexes: 0)
        var positions = 0
        DocumentScanner.scan(
            RuleDocument(content: text), fields: .content, table: table, into: scratch,
            spans: { _, _, _ in positions += 1 })
        let prepared = PreparedDocument(RuleDocument(content: text), scratch: scratch)
        #expect(positions == words.count)
        for (position, id) in ids.enumerated() {
            #expect(prepared.contains(id, field: 2, position: position), "\(position)")
        }
    }
}

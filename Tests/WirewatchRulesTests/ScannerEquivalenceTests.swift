import Testing
@testable import WirewatchRules

/// The document scanner reads ASCII 64 bytes at a time (`AsciiBlock`) and everything
/// else through its scalar loop; `WordScanner`, which folds query words, reads one
/// scalar at a time. On any text they must find the same words, at the same
/// positions, with the same capitals.
@Suite("Scanner equivalence")
struct ScannerEquivalenceTests {
    /// Pieces that stress block edges: short and long words, words of 63–70 bytes,
    /// acronyms and mixed case, digits, accented and non-Latin letters, ideographs,
    /// curly quotes and other non-ASCII separators, runs of separators. Texts join
    /// them with separators only, so every word of a text is a word of the pieces.
    static let pieces = [
        "strike", "Strike", "STRIKE", "ICE", "ICEland", "iPhone", "A", "x", "2026", "G7",
        "café", "Zürich", "Łódź", "straße", "Ærø", "Київ", "forty-two", "don’t", "“quoted”",
        "罢工", "ストライキ", "工人", String(repeating: "long", count: 16),
        String(repeating: "Ab", count: 33), String(repeating: "z", count: 70),
        String(repeating: "é", count: 40), "e\u{301}t\u{301}e", "—", "…", ",", ".", "  ", "\n",
        "(ACLU)", "AFL-CIO", "U.S.", "#tag", "@user", "under_score",
        // Scripts and cases run together without a separator.
        "Strike罢工", "café2026", "AFLcafé", "Ærø罢工ICE", "Київ2026", "x" + String(repeating: "é", count: 63) + "Y",
    ]

    struct Word: Equatable, CustomStringConvertible {
        var folded: [UInt8]
        var upperPrefix: Int
        var description: String { "\(String(decoding: folded, as: UTF8.self))/\(upperPrefix)" }
    }

    /// Words of `text` as `WordScanner` finds them.
    func reference(_ text: String) -> [Word] {
        var bytes: [UInt8] = []
        var words: [ScannedWord] = []
        WordScanner.scan(text, into: &bytes, words: &words)
        return words.map { Word(folded: Array(bytes[Int($0.start)..<Int($0.end)]), upperPrefix: Int($0.upperPrefix)) }
    }

    /// Words of 1 to 70 bytes, for the block edges.
    static let edgeWords = (1...70).map { "Q" + String(repeating: "w", count: $0 - 1) }

    /// Every word the pieces can make (the texts only join pieces with separators,
    /// so no other word occurs), and the two tables built once over them: each word
    /// twice, as is (finds the word) and as an acronym (finds it only when written in
    /// capitals); the large one with filler atoms, so that it is looked up in batches.
    static let vocabulary: [[UInt8]] = {
        var bytes: [UInt8] = []
        var words: [ScannedWord] = []
        for piece in pieces + edgeWords + ["ICE"] { WordScanner.scan(piece, into: &bytes, words: &words) }
        let distinct = Set(words.map { Array(bytes[Int($0.start)..<Int($0.end)]) })
        return distinct.sorted { $0.lexicographicallyPrecedes($1) }
    }()
    static let atoms = vocabulary.flatMap {
        [Atom(folded: $0, isPrefix: false, caseSensitive: false), Atom(folded: $0, isPrefix: false, caseSensitive: true)]
    }
    static let small = AtomTable(atoms)
    static let large = AtomTable(atoms + (0..<9_000).map { Atom(folded: Array("qq\($0)".utf8), isPrefix: false, caseSensitive: false) })

    /// Words of `text` as the document scanner finds them, read back from its hits.
    func scanned(_ text: String, large: Bool) -> [Word] {
        let table = large ? Self.large : Self.small
        #expect(table.isLarge == large)
        let scratch = Scratch(atoms: table.atomCount, rules: 1, regexes: 0)
        var positions = 0
        DocumentScanner.scan(RuleDocument(content: text), fields: .content, table: table, into: scratch) { _, _, _ in
            positions += 1
        }
        let document = PreparedDocument(RuleDocument(content: text), scratch: scratch)
        var words = [Word?](repeating: nil, count: positions)
        for (index, folded) in Self.vocabulary.enumerated() {
            _ = document.anyPosition(of: Int32(2 * index), field: 2) { position in
                words[position] = Word(folded: folded, upperPrefix: 0)
                return false
            }
            _ = document.anyPosition(of: Int32(2 * index + 1), field: 2) { position in
                words[position]?.upperPrefix = folded.count
                return false
            }
        }
        scratch.reset()
        return words.map { $0 ?? Word(folded: [], upperPrefix: -1) }
    }

    /// Reference words with the capitals reduced to what the acronym atoms can tell.
    func expected(_ text: String) -> [Word] {
        reference(text).map { Word(folded: $0.folded, upperPrefix: $0.upperPrefix >= $0.folded.count ? $0.folded.count : 0) }
    }

    @Test(arguments: [false, true])
    func randomTextsScanAlike(large: Bool) {
        var state: UInt64 = 0x5EED_1234
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<60 {
            var text = ""
            let count = 5 + next(120)
            for _ in 0..<count {
                text += Self.pieces[next(Self.pieces.count)]
                text += [" ", " ", " ", ", ", "\t", "—", "-", "’"][next(8)]
            }
            if round % 3 == 0 { text = String(repeating: " ", count: next(64)) + text }
            #expect(scanned(text, large: large) == expected(text), "\(text)")
        }
    }

    @Test func wordsEndingOnBlockEdges() {
        for word in Self.edgeWords {
            for lead in [0, 1, 62, 63, 64, 65] {
                let text = String(repeating: " ", count: lead) + word + " ICE " + word.uppercased() + String(repeating: " ", count: 64)
                #expect(scanned(text, large: false) == expected(text), "\(lead) \(word)")
            }
        }
    }
}

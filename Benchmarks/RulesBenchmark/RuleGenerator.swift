/// Deterministic rules of a realistic shape: 2–6 terms (words, phrases, prefixes,
/// acronyms, domain terms, some in `title:`), combined as OR lists, AND of OR groups
/// or plain ANDs; about 10 % with NOT, 3 % with a regex, 3 % with NEAR and 5 % with a
/// tag:/feed: condition. Phrases are word pairs and triples that really occur in text
/// generated under another seed, so they match sometimes without being built from
/// the scanned items.
struct RuleGenerator {
    let corpus: Corpus
    var rng: SplitMix
    /// Phrases of 2–3 words seen in sample text, without common words at the ends.
    let phrases: [String]
    /// Percent of rules with a regular expression.
    var regexPercent = 3
    static let acronyms = ["ICE", "DHS", "CBP", "FBI", "ACLU", "SEIU", "MPD", "BCA", "NLRB", "UAW", "AFSCME", "HUD"]

    init(corpus: Corpus, seed: UInt64) {
        self.corpus = corpus
        rng = SplitMix(seed: seed)
        let common = Set(Corpus.common)
        var found: [String] = []
        var seen = Set<String>()
        for index in 0..<3_000 {
            let item = corpus.item(index, seed: seed ^ 0x5EED)
            var run: [String] = []
            for token in item.content.split(separator: " ") {
                let clean = token.lowercased()
                let word = clean.filter { $0.isLetter }
                if word.isEmpty || word.count < clean.count - 1 || (word.count == clean.count - 1 && !",.?".contains(clean.last!)) {
                    run = []
                    continue
                }
                run.append(word)
                if run.count > 3 { run.removeFirst() }
                for length in 2...3 where run.count >= length {
                    let words = Array(run.suffix(length))
                    guard !common.contains(words.first!), !common.contains(words.last!) else { continue }
                    let phrase = words.joined(separator: " ")
                    if seen.insert(phrase).inserted { found.append(phrase) }
                }
                if word.count < clean.count { run = [] }
            }
        }
        phrases = found
    }

    /// One term: a word, a phrase, a prefix, an acronym or a domain term, maybe scoped.
    mutating func term() -> String {
        let roll = rng.below(100)
        var text: String
        if roll < 35 {
            // Rule words name specific things: rarer than most words of the text.
            text = rng.chance(50)
                ? corpus.vocabulary[corpus.zipfRank(&rng, minimum: 1_000)]
                : corpus.vocabulary[2_000 + rng.below(corpus.vocabulary.count - 2_000)]
        } else if roll < 47 {
            let domain = rng.pick(Corpus.domain)
            text = domain.contains(" ") || domain.contains("-") || domain.contains(".") ? "\"\(domain)\"" : domain
        } else if roll < 70 {
            text = "\"\(rng.pick(phrases))\""
        } else if roll < 82 {
            var word = ""
            while word.count < 7 { word = corpus.vocabulary[2_000 + rng.below(corpus.vocabulary.count - 2_000)] }
            text = String(word.prefix(5 + rng.below(word.count - 5))) + "*"
        } else {
            text = rng.pick(Self.acronyms)
        }
        if rng.chance(12) { text = "title:" + text }
        return text
    }

    mutating func regex() -> String {
        let word = corpus.vocabulary[300 + rng.below(2_000)]
        switch rng.below(4) {
        case 0: return #"/\d+ (arrested|detained)/"#
        case 1: return "/\(word)(s|ed|ing)?\\b/i"
        case 2: return #"/\b[A-Z]{3,5}\b \#(word)/"#
        default: return "/\(word.prefix(3))[a-z]+ \(word)/"
        }
    }

    /// One rule of 2–6 terms.
    mutating func rule() -> String {
        let count = 2 + rng.below(5)
        var terms = (0..<count).map { _ in term() }
        if rng.chance(3), terms.count >= 2 {
            // NEAR over two plain terms (no scopes: NEAR takes words and phrases).
            let a = terms[0].replacingTitle, b = terms[1].replacingTitle
            terms.removeFirst(2)
            terms.insert("(\(a) NEAR/\(rng.below(10)) \(b))", at: 0)
        }
        var rule: String
        switch rng.below(100) {
        case ..<35:
            rule = terms.joined(separator: " OR ")
        case ..<70 where terms.count >= 2:
            rule = terms[0] + " AND (" + terms.dropFirst().joined(separator: " OR ") + ")"
        case ..<85 where terms.count >= 4:
            let half = terms.count / 2
            rule = "(" + terms[..<half].joined(separator: " OR ") + ") AND ("
                + terms[half...].joined(separator: " OR ") + ")"
        default:
            rule = terms.prefix(3).joined(separator: " ")
        }
        if rng.chance(10) { rule = "(\(rule)) " + (rng.chance(50) ? "NOT " : "-") + term().replacingTitle }
        if rng.chance(regexPercent) { rule = "(\(rule)) AND \(regex())" }
        if rng.chance(5) {
            rule = rng.chance(50)
                ? "(\(rule)) NOT feed:\"\(rng.pick(Corpus.feeds))\""
                : "tag:\(rng.pick(Corpus.tags)) AND (\(rule))"
        }
        return rule
    }
}

extension String {
    /// NEAR operands and NOT terms read better unscoped.
    var replacingTitle: String { hasPrefix("title:") ? String(dropFirst(6)) : self }
}

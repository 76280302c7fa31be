/// Whether a set of words is a code: whether every text made of them splits
/// into them one way only. A repeated group of alternatives that is not
/// (`(a|aa)*`: "aaaa" is a·a·a·a, aa·aa, …) gives a backtracking engine
/// exponentially many splits to try on a text that finally fails (see RegexRisk).
///
/// Sardinas–Patterson: the "dangling suffixes" left when one word is a prefix of
/// another, then of those against the words, and so on; the set is a code
/// unless some dangling suffix is itself a word. Suffixes of the words are
/// finitely many, so the sets repeat and the walk ends. Alternatives are a
/// handful of short words: the cost is nothing next to compiling the regex.
enum WordCode {
    static func isUniquelyDecodable(_ words: [[Unicode.Scalar]]) -> Bool {
        let code = Set(words)
        if code.count < words.count { return false }  // a word twice: two ways at once
        guard !code.contains([]) else { return false }  // an empty word repeats for free
        var dangling = Set<[Unicode.Scalar]>()
        for u in code {
            for v in code where u != v && v.starts(with: u) { dangling.insert(Array(v[u.count...])) }
        }
        var seen = Set<Set<[Unicode.Scalar]>>()
        while !dangling.isEmpty {
            if !dangling.isDisjoint(with: code) { return false }
            guard seen.insert(dangling).inserted else { return true }
            var next = Set<[Unicode.Scalar]>()
            for x in dangling {
                for u in code {
                    if u.count > x.count, u.starts(with: x) { next.insert(Array(u[x.count...])) }
                    if x.count > u.count, x.starts(with: u) { next.insert(Array(x[u.count...])) }
                }
            }
            dangling = next
        }
        return true
    }
}

/// One lexical token of a query, with the 1-based column where it starts.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A bare word as written, possibly ending in `*` (prefix), possibly with
        /// punctuation inside (`covid-19`), which the compiler splits into words.
        case word(String)
        /// The text between quotes.
        case phrase(String)
        /// `/pattern/` or `/pattern/i`.
        case regex(pattern: String, ignoreCase: Bool)
        /// `title:` and friends, written directly before what they scope.
        case field(Field)
        case leftParen, rightParen
        case and, or, not
        /// `-` directly before a term: the same as NOT.
        case minus
        /// `NEAR` (distance 10) or `NEAR/n`.
        case near(Int)
        /// `sources>=3` and the other comparisons of a story's outlet count.
        case sources(ValuePattern.Comparison, Int)
        case end
    }

    var kind: Kind
    var column: Int

    /// How the token reads in an error message ("AND", "'('", "'title:'").
    var spelled: String {
        switch kind {
        case .word(let text): "'\(text)'"
        case .phrase(let text): "\"\(text)\""
        case .regex(let pattern, _): "/\(pattern)/"
        case .field(let field): "'\(field.rawValue):'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .and: "AND"
        case .or: "OR"
        case .not: "NOT"
        case .minus: "'-'"
        case .near(let distance): distance == 10 ? "NEAR" : "NEAR/\(distance)"
        case .sources(let comparison, let number): "'sources\(comparison.rawValue)\(number)'"
        case .end: "the end of the query"
        }
    }

    /// Whether the token can begin a (possibly negated) term.
    var startsUnary: Bool {
        switch kind {
        case .not, .minus: true
        default: startsPrimary
        }
    }

    /// Whether the token can begin a term, a phrase, a regex, a scoped term or a group.
    var startsPrimary: Bool {
        switch kind {
        case .word, .phrase, .regex, .field, .leftParen, .sources: true
        default: false
        }
    }
}

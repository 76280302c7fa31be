/// The parsed query, before field scopes are resolved and words are folded.
/// Every node keeps its column so that the compiler can still report errors precisely.
indirect enum Expression: Sendable {
    case and([Expression])
    case or([Expression])
    case not(Expression)
    case term(Term)
    /// `field:` applied to a term, a phrase, a regex or a group.
    case scoped(Field, Expression, column: Int)
    /// `left NEAR/n right`: both sides are plain words or phrases.
    case near(Term, Term, distance: Int, column: Int)
    /// `sources>=n` and friends: the number of outlets carrying the story.
    case sources(ValuePattern.Comparison, Int, column: Int)

    /// A word, a phrase or a regular expression as written.
    struct Term: Sendable {
        enum Kind: Sendable {
            case word(String)
            case phrase(String)
            case regex(pattern: String, ignoreCase: Bool)
        }
        var kind: Kind
        var column: Int
    }
}

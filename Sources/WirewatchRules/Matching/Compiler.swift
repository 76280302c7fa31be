/// Turns the parsed expression into a `MatchNode`: resolves field scopes (innermost
/// wins), folds and interns words, compiles regexes, and orders AND/OR operands.
struct Compiler {
    private let source: String
    private(set) var lexicon = Lexicon()

    init(source: String) {
        self.source = source
    }

    mutating func compile(_ expression: Expression) throws(QuerySyntaxError) -> MatchNode {
        try compile(expression, scope: .unscoped)
    }

    private func error(_ message: String, column: Int) -> QuerySyntaxError {
        QuerySyntaxError(message: message, column: column, source: source)
    }

    private mutating func compile(
        _ expression: Expression, scope: Scope
    ) throws(QuerySyntaxError) -> MatchNode {
        switch expression {
        case .and(let items):
            return .all(try compileOperands(items, scope: scope, flattening: { node in
                if case .all(let inner) = node { inner } else { nil }
            }))
        case .or(let items):
            return .any(try compileOperands(items, scope: scope, flattening: { node in
                if case .any(let inner) = node { inner } else { nil }
            }))
        case .not(let inner):
            return .not(try compile(inner, scope: scope))
        case .scoped(let field, let inner, _):
            return try compile(inner, scope: field.scope)
        case .term(let term):
            return try compileTerm(term, scope: scope)
        case .sources(let comparison, let number, _):
            return .value(.sources, ValuePattern(kind: .count(comparison, number), text: []))
        case .near(let left, let right, let distance, let column):
            guard case .text(let fields) = scope else {
                throw error(
                    "NEAR only works in text fields (title, summary, content, author)",
                    column: column)
            }
            return .near(
                try atoms(of: left), try atoms(of: right), distance: distance, fields)
        }
    }

    /// Compiles the operands of AND/OR, merges nested operators of the same kind and
    /// puts cheap operands first (stable, so equal costs keep the written order).
    private mutating func compileOperands(
        _ items: [Expression], scope: Scope, flattening: (MatchNode) -> [MatchNode]?
    ) throws(QuerySyntaxError) -> [MatchNode] {
        var nodes: [MatchNode] = []
        for item in items {
            let node = try compile(item, scope: scope)
            nodes.append(contentsOf: flattening(node) ?? [node])
        }
        return nodes.enumerated()
            .sorted { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) }
            .map(\.element)
    }

    private mutating func compileTerm(
        _ term: Expression.Term, scope: Scope
    ) throws(QuerySyntaxError) -> MatchNode {
        if case .regex(let pattern, let ignoreCase) = term.kind {
            // Valid, but never what was meant: it makes a letter "i" optional, and the
            // rule silently matches case-sensitively (Miniflux users hit it often).
            if pattern.hasPrefix("(i?)") {
                throw self.error(
                    "'(i?)' makes a letter 'i' optional; for a case-insensitive regular expression write /…/i",
                    column: term.column + 1)
            }
            if let risk = RegexRisk.find(in: pattern) {
                let message = switch risk.kind {
                case .nestedRepetition:
                    "nested repetition: a repeated group whose contents repeat by themselves can take exponential time on some texts; repeat one or the other"
                case .overlappingAlternatives:
                    "overlapping alternatives: a repeated group whose alternatives can match the same character can take exponential time on some texts; make them exclude each other (\\w already holds \\d; [\\s\\S] is any character)"
                case .ambiguousWords:
                    "overlapping alternatives: a repeated group whose alternatives can spell the same text in two ways (a·a is aa) can take exponential time on some texts; drop the alternative the others already spell, or repeat a group that cannot"
                }
                throw self.error(message, column: term.column + 1 + risk.offset)
            }
            do {
                return .regex(try CompiledRegex(pattern: pattern, ignoreCase: ignoreCase), scope)
            } catch {
                let reason = "\(error)".split(separator: "\n").first.map(String.init) ?? ""
                throw self.error("invalid regular expression: \(reason)", column: term.column)
            }
        }
        switch scope {
        case .text(let fields):
            let atoms = try atoms(of: term)
            return atoms.count == 1 ? .word(atoms[0], fields) : .phrase(atoms, fields)
        case .value(let field):
            return .value(field, try valuePattern(term, field: field))
        }
    }

    private func valuePattern(
        _ term: Expression.Term, field: ValueField
    ) throws(QuerySyntaxError) -> ValuePattern {
        var text: String
        var isPrefix = false
        switch term.kind {
        case .word(let word):
            text = word
            // A link is already matched as a substring; a star there is literal.
            if field != .link, text.hasSuffix("*") {
                text.removeLast()
                isPrefix = true
            }
        case .phrase(let phrase):
            text = phrase
        case .regex:
            preconditionFailure("regexes are compiled before values")
        }
        let normalized = ValueText.normalize(text, field: field)
        guard !normalized.isEmpty else {
            throw error("expected a value to compare with", column: term.column)
        }
        let kind: ValuePattern.Kind =
            switch field {
            case .link: .substring
            case _ where isPrefix: .prefix
            case .lang: .language
            default: .equals
            }
        return ValuePattern(kind: kind, text: normalized)
    }

    /// Folds a word or phrase into interned atoms. Punctuation splits words
    /// (`covid-19` is the phrase "covid 19"), a trailing `*` makes the last word of
    /// its chunk a prefix, and a word with two or more capitals and no lowercase
    /// letter matches case-sensitively.
    private mutating func atoms(of term: Expression.Term) throws(QuerySyntaxError) -> [Int32] {
        let text: String
        switch term.kind {
        case .word(let word): text = word
        case .phrase(let phrase): text = phrase
        case .regex: preconditionFailure("NEAR operands are words or phrases")
        }
        var ids: [Int32] = []
        var bytes: [UInt8] = []
        var words: [ScannedWord] = []
        for chunk in text.split(whereSeparator: \.isWhitespace) {
            var chunk = Substring(chunk)
            let isPrefix = chunk.hasSuffix("*")
            if isPrefix { chunk.removeLast() }
            if chunk.contains("*") {
                throw error("'*' can only end a word (as in strik*)", column: term.column)
            }
            bytes.removeAll(keepingCapacity: true)
            words.removeAll(keepingCapacity: true)
            WordScanner.scan(String(chunk), into: &bytes, words: &words)
            guard !words.isEmpty else {
                let what = isPrefix ? "before '*'" : "in '\(chunk)'"
                throw error("no letters or digits to match \(what)", column: term.column)
            }
            for (index, word) in words.enumerated() {
                let atom = Atom(
                    folded: Array(bytes[Int(word.start)..<Int(word.end)]),
                    isPrefix: isPrefix && index == words.count - 1,
                    caseSensitive: word.isAcronym)
                ids.append(lexicon.intern(atom))
            }
        }
        guard !ids.isEmpty else { throw error("empty phrase", column: term.column) }
        return ids
    }
}

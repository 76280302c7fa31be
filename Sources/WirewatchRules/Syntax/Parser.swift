/// Recursive descent over the tokens. Precedence, loosest first:
///
///     query   := or END
///     or      := and ( OR and )*
///     and     := unary ( [AND] unary )*      -- juxtaposition is an implicit AND
///     unary   := ( NOT | '-' ) unary | near
///     near    := primary ( NEAR primary )?
///     primary := WORD | PHRASE | REGEX | FIELD primary | '(' or ')'
struct Parser {
    private let tokens: [Token]
    private let source: String
    private var position = 0
    /// Nesting of groups and negations; bounded so that a hostile config cannot
    /// overflow the stack of this recursive parser.
    private var depth = 0
    private static let maximumDepth = 100

    init(tokens: [Token], source: String) {
        self.tokens = tokens
        self.source = source
    }

    mutating func parse() throws(QuerySyntaxError) -> Expression {
        if peek.kind == .end {
            throw QuerySyntaxError(message: "empty query", column: 1, source: source)
        }
        let expression = try parseOr()
        switch peek.kind {
        case .end: return expression
        case .rightParen: throw error("unbalanced ')'", at: peek)
        default: throw error("unexpected \(peek.spelled)", at: peek)
        }
    }

    private var peek: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func error(_ message: String, at token: Token) -> QuerySyntaxError {
        QuerySyntaxError(message: message, column: token.column, source: source)
    }

    /// After an operator, the next token must begin a term; say which operator lacks one.
    private func expectTerm(after op: Token, primaryOnly: Bool = false) throws(QuerySyntaxError) {
        let ok = primaryOnly ? peek.startsPrimary : peek.startsUnary
        guard !ok else { return }
        let found = peek.kind == .end ? "" : ", found \(peek.spelled)"
        throw error("expected a term after \(op.spelled)\(found)", at: peek)
    }

    private mutating func enter(at token: Token) throws(QuerySyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw error(
                "expression nested too deeply (more than \(Self.maximumDepth) levels)", at: token)
        }
    }

    private mutating func parseOr() throws(QuerySyntaxError) -> Expression {
        var items = [try parseAnd()]
        while peek.kind == .or {
            let op = advance()
            try expectTerm(after: op)
            items.append(try parseAnd())
        }
        return items.count == 1 ? items[0] : .or(items)
    }

    private mutating func parseAnd() throws(QuerySyntaxError) -> Expression {
        var items = [try parseUnary()]
        while true {
            if peek.kind == .and {
                let op = advance()
                try expectTerm(after: op)
                items.append(try parseUnary())
            } else if peek.startsUnary {
                items.append(try parseUnary())
            } else {
                break
            }
        }
        return items.count == 1 ? items[0] : .and(items)
    }

    private mutating func parseUnary() throws(QuerySyntaxError) -> Expression {
        switch peek.kind {
        case .not, .minus:
            let op = advance()
            try expectTerm(after: op)
            try enter(at: op)
            defer { depth -= 1 }
            return .not(try parseUnary())
        default:
            return try parseNear()
        }
    }

    private mutating func parseNear() throws(QuerySyntaxError) -> Expression {
        let left = try parsePrimary()
        guard case .near(let distance) = peek.kind else { return left }
        let op = advance()
        try expectTerm(after: op, primaryOnly: true)
        let rightToken = peek
        let right = try parsePrimary()
        let leftTerm = try nearOperand(left, op: op, column: nil)
        let rightTerm = try nearOperand(right, op: op, column: rightToken.column)
        if case .near = peek.kind {
            throw error("NEAR cannot be chained; join NEAR pairs with AND", at: peek)
        }
        return .near(leftTerm, rightTerm, distance: distance, column: op.column)
    }

    /// NEAR compares word positions, so each side must be a word or a phrase; a field
    /// scope goes around the pair instead (`title:(a NEAR b)`).
    private func nearOperand(
        _ expression: Expression, op: Token, column: Int?
    ) throws(QuerySyntaxError) -> Expression.Term {
        if case .term(let term) = expression {
            switch term.kind {
            case .word, .phrase: return term
            case .regex: break
            }
        }
        let at = column.map { Token(kind: op.kind, column: $0) } ?? firstColumn(of: expression, op)
        throw error(
            "NEAR needs a word or phrase on each side (scope the pair instead: title:(a NEAR b))",
            at: at)
    }

    private func firstColumn(of expression: Expression, _ op: Token) -> Token {
        switch expression {
        case .term(let term): Token(kind: op.kind, column: term.column)
        case .scoped(_, _, let column): Token(kind: op.kind, column: column)
        default: op
        }
    }

    private mutating func parsePrimary() throws(QuerySyntaxError) -> Expression {
        let token = peek
        switch token.kind {
        case .word(let text):
            _ = advance()
            return .term(.init(kind: .word(text), column: token.column))
        case .phrase(let text):
            _ = advance()
            return .term(.init(kind: .phrase(text), column: token.column))
        case .regex(let pattern, let ignoreCase):
            _ = advance()
            return .term(
                .init(kind: .regex(pattern: pattern, ignoreCase: ignoreCase), column: token.column))
        case .field(let field):
            _ = advance()
            try expectTerm(after: token, primaryOnly: true)
            try enter(at: token)
            defer { depth -= 1 }
            return .scoped(field, try parsePrimary(), column: token.column)
        case .leftParen:
            _ = advance()
            if peek.kind == .rightParen { throw error("empty parentheses", at: token) }
            try expectTerm(after: token)
            try enter(at: token)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard peek.kind == .rightParen else {
                throw error("unclosed '(' (missing ')')", at: token)
            }
            _ = advance()
            return inner
        case .sources(let comparison, let number):
            _ = advance()
            return .sources(comparison, number, column: token.column)
        case .rightParen:
            throw error("unbalanced ')'", at: token)
        case .and, .or, .near:
            throw error("\(token.spelled) needs a term on its left", at: token)
        case .end, .not, .minus:
            // Callers check `startsPrimary` first; NOT and '-' are handled by parseUnary.
            throw error("expected a term", at: token)
        }
    }
}

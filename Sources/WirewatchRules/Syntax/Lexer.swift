/// Splits a query into tokens. Works on `Character`s so that columns count what the
/// user sees (an "é" is one column whether it is one scalar or two).
struct Lexer {
    private let source: String
    private let chars: [Character]
    private var index = 0
    private var tokens: [Token] = []

    init(_ source: String) {
        self.source = source
        self.chars = Array(source)
    }

    mutating func tokenize() throws(QuerySyntaxError) -> [Token] {
        while true {
            while index < chars.count, chars[index].isWhitespace { index += 1 }
            guard index < chars.count else { break }
            let start = index
            let char = chars[index]
            switch char {
            case "(":
                index += 1
                tokens.append(Token(kind: .leftParen, column: start + 1))
            case ")":
                index += 1
                tokens.append(Token(kind: .rightParen, column: start + 1))
            case "\"", "“", "”":
                try lexPhrase()
            case "/":
                try lexRegex()
            case "-":
                // Only a minus glued to a term negates it; a lone "-" is a mistake.
                guard index + 1 < chars.count, !chars[index + 1].isWhitespace,
                      chars[index + 1] != ")", chars[index + 1] != "-"
                else { throw error("expected a term after '-'", at: start) }
                index += 1
                tokens.append(Token(kind: .minus, column: start + 1))
            default:
                try lexWord()
            }
        }
        tokens.append(Token(kind: .end, column: chars.count + 1))
        return tokens
    }

    /// Whitespace, parentheses and quotes end a bare word.
    private func isDelimiter(_ char: Character) -> Bool {
        char.isWhitespace || char == "(" || char == ")" || char == "\"" || char == "“"
            || char == "”"
    }

    private func error(_ message: String, at index: Int) -> QuerySyntaxError {
        QuerySyntaxError(message: message, column: index + 1, source: source)
    }

    private mutating func lexPhrase() throws(QuerySyntaxError) {
        let start = index
        index += 1
        let contentStart = index
        // Straight or typographic quotes close a phrase: people paste “curly” phrases.
        while index < chars.count, chars[index] != "\"", chars[index] != "”" {
            index += 1
        }
        guard index < chars.count else { throw error("unclosed quote", at: start) }
        let text = String(chars[contentStart..<index])
        index += 1
        if text.allSatisfy(\.isWhitespace) { throw error("empty phrase", at: start) }
        tokens.append(Token(kind: .phrase(text), column: start + 1))
    }

    private mutating func lexRegex() throws(QuerySyntaxError) {
        let start = index
        index += 1
        var pattern = ""
        var closed = false
        while index < chars.count {
            let char = chars[index]
            if char == "\\", index + 1 < chars.count {
                // Keep the escape: `\/` is a valid regex escape for a slash, and the
                // other escapes mean what the regex engine says they mean.
                pattern.append(char)
                pattern.append(chars[index + 1])
                index += 2
                continue
            }
            index += 1
            if char == "/" {
                closed = true
                break
            }
            pattern.append(char)
        }
        guard closed else { throw error("unclosed regular expression (missing '/')", at: start) }
        if pattern.isEmpty { throw error("empty regular expression", at: start) }
        var ignoreCase = false
        while index < chars.count, !isDelimiter(chars[index]) {
            guard chars[index] == "i", !ignoreCase else {
                throw error(
                    "unknown regular expression flag '\(chars[index])' (only 'i' is supported)",
                    at: index)
            }
            ignoreCase = true
            index += 1
        }
        tokens.append(
            Token(kind: .regex(pattern: pattern, ignoreCase: ignoreCase), column: start + 1))
    }

    /// `sources>=3`, `sources>2`, `sources=1`, …: the story's outlet count.
    private func sourcesComparison(_ word: String, at start: Int) throws(QuerySyntaxError) -> Token.Kind? {
        let lowered = word.lowercased()
        guard lowered.hasPrefix("sources"), lowered.count > 7 else { return nil }
        let rest = lowered.dropFirst(7)
        guard let comparison = ValuePattern.Comparison.allCases.first(where: { rest.hasPrefix($0.rawValue) }) else {
            return nil
        }
        let digits = rest.dropFirst(comparison.rawValue.count)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits), number <= 10_000 else {
            throw error("expected a number after 'sources\(comparison.rawValue)'", at: start + 7 + comparison.rawValue.count)
        }
        return .sources(comparison, number)
    }

    private mutating func lexWord() throws(QuerySyntaxError) {
        let start = index
        while index < chars.count, !isDelimiter(chars[index]) { index += 1 }
        let word = String(chars[start..<index])
        let column = start + 1

        switch word {
        case "AND": tokens.append(Token(kind: .and, column: column)); return
        case "OR": tokens.append(Token(kind: .or, column: column)); return
        case "NOT": tokens.append(Token(kind: .not, column: column)); return
        case "NEAR": tokens.append(Token(kind: .near(10), column: column)); return
        default: break
        }
        if word.hasPrefix("NEAR/") {
            let digits = word.dropFirst(5)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let distance = Int(digits),
                  distance <= 1_000
            else { throw error("expected a number (0–1000) after 'NEAR/'", at: start + 5) }
            tokens.append(Token(kind: .near(distance), column: column))
            return
        }

        if let sources = try sourcesComparison(word, at: start) {
            tokens.append(Token(kind: sources, column: column))
            return
        }

        // `name:` directly before a term scopes it. An unknown name followed by "/" is
        // a URL (`https://…`), and a name with anything but letters is text (`10:30`).
        if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
           word[..<colon].allSatisfy(\.isLetter)
        {
            let name = String(word[..<colon])
            let afterColon = word.index(after: colon)
            let resume = start + word.distance(from: word.startIndex, to: afterColon)
            if let field = Field(rawValue: name.lowercased()) {
                if afterColon == word.endIndex, index < chars.count, chars[index].isWhitespace {
                    throw error("no space allowed after '\(name):'", at: index)
                }
                tokens.append(Token(kind: .field(field), column: column))
                // Resume right after the colon: the scoped term is lexed on its own.
                index = resume
                return
            }
            if afterColon == word.endIndex || word[afterColon] != "/" {
                throw error("unknown field '\(name):' (known: \(Field.knownList))", at: start)
            }
        }
        tokens.append(Token(kind: .word(word), column: column))
    }
}

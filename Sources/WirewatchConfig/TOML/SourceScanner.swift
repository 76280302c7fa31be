/// A byte-level cursor over TOML source text that knows just enough of the lexical
/// grammar (whitespace, comments, keys, strings) to walk a document that TOMLKit has
/// already accepted. It never judges validity: on odd input it moves on rather than fails.
struct SourceScanner {
    private let bytes: [UInt8]
    private(set) var position = 0
    /// 1-based line of `position`.
    private(set) var line = 1

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { position >= bytes.count }

    func peek(_ offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where position < bytes.count {
            if bytes[position] == ASCII.newline { line += 1 }
            position += 1
        }
    }

    /// Whether the next bytes are `literal` (compared as UTF-8).
    func looksAt(_ literal: String) -> Bool {
        var offset = 0
        for byte in literal.utf8 {
            guard peek(offset) == byte else { return false }
            offset += 1
        }
        return true
    }

    /// Spaces and tabs only: newlines end statements in TOML.
    mutating func skipBlanks() {
        while let byte = peek(), byte == ASCII.space || byte == ASCII.tab { advance() }
    }

    /// Blanks, comments and line breaks: what may separate array elements or statements.
    mutating func skipBlanksCommentsAndNewlines() {
        while let byte = peek() {
            switch byte {
            case ASCII.space, ASCII.tab, ASCII.newline, ASCII.carriageReturn: advance()
            case ASCII.hash: skipToEndOfLine()
            default: return
            }
        }
    }

    /// Moves to the line break (not past it).
    mutating func skipToEndOfLine() {
        while let byte = peek(), byte != ASCII.newline { advance() }
    }

    /// A dotted key such as `a."b.c".d`, split into its parts.
    mutating func readKey() -> [String] {
        var parts: [String] = []
        while true {
            skipBlanks()
            guard let part = readSimpleKey() else { break }
            parts.append(part)
            skipBlanks()
            guard peek() == ASCII.dot else { break }
            advance()
        }
        return parts
    }

    /// A bare, "basic" or 'literal' key.
    private mutating func readSimpleKey() -> String? {
        switch peek() {
        case ASCII.doubleQuote?, ASCII.singleQuote?:
            return readString()
        case let byte? where !ASCII.endsBareKey(byte):
            let start = position
            while let byte = peek(), !ASCII.endsBareKey(byte) { advance() }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        default:
            return nil
        }
    }

    /// Reads any of the four string forms and returns its (unescaped) value.
    mutating func readString() -> String {
        guard let quote = peek() else { return "" }
        let multiLine = peek(1) == quote && peek(2) == quote
        advance(multiLine ? 3 : 1)
        let escapes = quote == ASCII.doubleQuote
        var value: [UInt8] = []
        while let byte = peek() {
            if multiLine, byte == quote, peek(1) == quote, peek(2) == quote {
                // Up to two quotes may sit right before the closing delimiter: `""""x"""""`.
                var run = 3
                while run < 5, peek(run) == quote { run += 1 }
                value.append(contentsOf: repeatElement(quote, count: run - 3))
                advance(run)
                break
            }
            if !multiLine, byte == quote || byte == ASCII.newline {
                if byte == quote { advance() }
                break
            }
            if escapes, byte == ASCII.backslash {
                value.append(contentsOf: readEscape())
                continue
            }
            value.append(byte)
            advance()
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// One escape sequence of a basic string, starting at the backslash.
    private mutating func readEscape() -> [UInt8] {
        advance()
        guard let byte = peek() else { return [] }
        advance()
        switch byte {
        case UInt8(ascii: "n"): return [ASCII.newline]
        case UInt8(ascii: "t"): return [ASCII.tab]
        case UInt8(ascii: "r"): return [ASCII.carriageReturn]
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "e"): return [0x1B]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = byte == UInt8(ascii: "u") ? 4 : 8
            var scalarValue: UInt32 = 0
            for _ in 0..<digits {
                guard let hex = peek().flatMap(ASCII.hexValue) else { break }
                scalarValue = scalarValue << 4 | UInt32(hex)
                advance()
            }
            return Array(String(Unicode.Scalar(scalarValue).map(Character.init) ?? "\u{FFFD}").utf8)
        case ASCII.space, ASCII.tab, ASCII.newline, ASCII.carriageReturn:
            // A line-ending backslash in a multi-line string trims the following whitespace.
            skipBlanksCommentsAndNewlinesInString()
            return []
        default:
            return [byte]
        }
    }

    private mutating func skipBlanksCommentsAndNewlinesInString() {
        while let byte = peek(),
              byte == ASCII.space || byte == ASCII.tab || byte == ASCII.newline || byte == ASCII.carriageReturn {
            advance()
        }
    }
}

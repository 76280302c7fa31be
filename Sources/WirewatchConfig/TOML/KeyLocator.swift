/// Finds the line where each table, array-of-tables element, key and array element of a
/// TOML document was written.
///
/// TOMLKit reports positions only for syntax errors, so once a document has parsed we walk
/// its text a second time and record, for every node path, the line that introduced it:
///
/// * `[archive]` → `archive`; the third `[[feed]]` → `feed[2]`; `[feed.x]` after it → `feed[2].x`
/// * `name = "wsws"` under that header → `feed[2].name`; dotted keys record each prefix too
/// * inline tables `{ a = 1 }` and arrays, including multi-line ones: every element on
///   its own line (`feed[2].tags[1]`)
///
/// The walk assumes valid TOML (it runs only after TOMLKit accepted the text) and never fails;
/// a path it did not see simply has no line, and ``nearestLine(of:)`` falls back to a parent.
struct KeyLocator: Sendable {
    private var lines: [TOMLPath: Int] = [:]
    /// How many elements each array of tables has so far, keyed by the array's path.
    private var arrayOfTablesCounts: [TOMLPath: Int] = [:]
    /// Every `[table]` / `[[array]]` header in file order, with the path it opened:
    /// what the config editor needs to find where a table's block ends.
    private(set) var headers: [(line: Int, path: TOMLPath)] = []

    init(source: String) {
        var scanner = SourceScanner(source)
        var table: TOMLPath = []
        while true {
            scanner.skipBlanksCommentsAndNewlines()
            guard let byte = scanner.peek() else { break }
            let before = scanner.position
            if byte == ASCII.openBracket {
                table = readHeader(&scanner)
            } else {
                readKeyValue(&scanner, in: table)
            }
            scanner.skipToEndOfLine()
            // Defensive: never loop in place on text the walk does not understand.
            if scanner.position == before { scanner.advance() }
        }
    }

    /// The line where `path` itself was written, if it was.
    func line(of path: TOMLPath) -> Int? { lines[path] }

    /// The line of `path`, or of its closest ancestor that was written (an absent key is
    /// reported at its table's header).
    func nearestLine(of path: TOMLPath) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }

    // MARK: - Walking

    /// `[a.b]` or `[[a.b]]`; returns the path of the table that following keys belong to.
    private mutating func readHeader(_ scanner: inout SourceScanner) -> TOMLPath {
        let line = scanner.line
        let isArray = scanner.peek(1) == ASCII.openBracket
        scanner.advance(isArray ? 2 : 1)
        let keys = scanner.readKey()
        scanner.skipBlanks()
        scanner.advance(isArray ? 2 : 1)

        var path: TOMLPath = []
        for (offset, key) in keys.enumerated() {
            path.append(.key(key))
            if isArray && offset == keys.count - 1 {
                let count = arrayOfTablesCounts[path, default: 0]
                arrayOfTablesCounts[path] = count + 1
                if lines[path] == nil { lines[path] = line }
                path.append(.index(count))
            } else if let count = arrayOfTablesCounts[path] {
                // `[feed.x]` after `[[feed]]` extends the array's latest element.
                path.append(.index(count - 1))
            }
        }
        // A header line wins over an earlier implicit mention (`[a.b]` before `[a]`).
        lines[path] = line
        headers.append((line, path))
        return path
    }

    /// `key = value` at statement level or inside an inline table.
    private mutating func readKeyValue(_ scanner: inout SourceScanner, in table: TOMLPath) {
        let line = scanner.line
        let keys = scanner.readKey()
        guard !keys.isEmpty else { return }
        scanner.skipBlanks()
        guard scanner.peek() == ASCII.equals else { return }
        scanner.advance()
        scanner.skipBlanks()

        var path = table
        for key in keys {
            path.append(.key(key))
            if lines[path] == nil { lines[path] = line }
        }
        readValue(&scanner, at: path)
    }

    private mutating func readValue(_ scanner: inout SourceScanner, at path: TOMLPath) {
        switch scanner.peek() {
        case ASCII.doubleQuote?, ASCII.singleQuote?:
            _ = scanner.readString()
        case ASCII.openBracket?:
            readArray(&scanner, at: path)
        case ASCII.openBrace?:
            readInlineTable(&scanner, at: path)
        default:
            // Numbers, booleans, dates ("1979-05-27 07:32:00" holds a space): up to a delimiter.
            while let byte = scanner.peek(),
                  byte != ASCII.comma, byte != ASCII.closeBracket, byte != ASCII.closeBrace,
                  byte != ASCII.newline, byte != ASCII.hash {
                scanner.advance()
            }
        }
    }

    private mutating func readArray(_ scanner: inout SourceScanner, at path: TOMLPath) {
        scanner.advance()
        var index = 0
        while true {
            scanner.skipBlanksCommentsAndNewlines()
            guard let byte = scanner.peek() else { return }
            if byte == ASCII.closeBracket {
                scanner.advance()
                return
            }
            let before = scanner.position
            let element = path + [.index(index)]
            lines[element] = scanner.line
            readValue(&scanner, at: element)
            index += 1
            scanner.skipBlanksCommentsAndNewlines()
            if scanner.peek() == ASCII.comma { scanner.advance() }
            if scanner.position == before { scanner.advance() }
        }
    }

    private mutating func readInlineTable(_ scanner: inout SourceScanner, at path: TOMLPath) {
        scanner.advance()
        while true {
            // TOML 1.0 keeps inline tables on one line; 1.1 allows breaks, so accept them.
            scanner.skipBlanksCommentsAndNewlines()
            guard let byte = scanner.peek() else { return }
            if byte == ASCII.closeBrace {
                scanner.advance()
                return
            }
            let before = scanner.position
            readKeyValue(&scanner, in: path)
            scanner.skipBlanksCommentsAndNewlines()
            if scanner.peek() == ASCII.comma { scanner.advance() }
            if scanner.position == before { scanner.advance() }
        }
    }
}

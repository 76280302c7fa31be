/// A compiled `match` expression of the query language.
///
/// Parsing, scope resolution and interning of literal words happen once, here; matching
/// only tokenizes the document and walks the compiled tree (see `Matching/`).
public struct Query: Sendable, CustomStringConvertible, Equatable {
    /// The expression as written.
    public let source: String

    /// The compiled boolean tree; its leaves refer to atoms of `lexicon`.
    let root: MatchNode
    /// The distinct literal words of this query, folded.
    let lexicon: Lexicon
    /// The text fields the tree reads, so documents tokenize only those.
    let fields: TextFields
    /// `root` flattened for evaluation, and the offset of its root in the program.
    let program: Program
    let entry: Int32
    /// The lookup table of `lexicon`, and scratch memory for concurrent matching.
    let table: AtomTable
    let pool: ScratchPool

    /// Parses and compiles `source`; throws with the 1-based column of the problem.
    public init(_ source: String) throws(QuerySyntaxError) {
        self.source = source
        var lexer = Lexer(source)
        var parser = Parser(tokens: try lexer.tokenize(), source: source)
        let expression = try parser.parse()
        var compiler = Compiler(source: source)
        self.root = try compiler.compile(expression)
        self.lexicon = compiler.lexicon
        self.fields = root.textFields
        var program = Program()
        self.entry = program.append(root)
        self.program = program
        self.table = AtomTable(lexicon.atoms)
        self.pool = ScratchPool(atoms: lexicon.atoms.count, rules: 1, regexes: program.regexes.count)
    }

    /// The query that every document satisfies (an AND of nothing); written "".
    public static let everything: Query = Query(root: .all([]), source: "")

    private init(root: MatchNode, source: String) {
        self.source = source
        self.root = root
        self.lexicon = Lexicon()
        self.fields = root.textFields
        var program = Program()
        self.entry = program.append(root)
        self.program = program
        self.table = AtomTable(lexicon.atoms)
        self.pool = ScratchPool(atoms: 0, rules: 1, regexes: program.regexes.count)
    }

    /// Whether the document satisfies the expression.
    public func matches(_ document: RuleDocument) -> Bool {
        pool.withScratch { scratch in
            DocumentScanner.scan(document, fields: fields, table: table, into: scratch)
            var prepared = PreparedDocument(document, scratch: scratch)
            if !program.values.isEmpty { prepared.normalizeValues() }
            return program.evaluate(entry, in: prepared)
        }
    }

    /// Whether the query reads the story (`sources>=n`, `covered:`): such a
    /// query belongs to a rule with `scope = "story"`.
    public var readsStory: Bool { root.readsStory }

    public var description: String { source }

    /// Two queries are equal when written the same; the compiled form follows from the text.
    public static func == (lhs: Query, rhs: Query) -> Bool { lhs.source == rhs.source }
}

/// Named rules compiled together, evaluated against a document in one pass.
///
/// The rule set merges the literal words of all its queries into one lexicon, so a
/// document is tokenized and looked up once (cost follows the text length, not the
/// number of rules); each rule's tree then only reads the resulting term hits.
public struct RuleSet: Sendable {
    public struct Rule: Sendable {
        public var name: String
        public var query: Query
        public init(name: String, query: Query) {
            self.name = name
            self.query = query
        }
    }

    public let rules: [Rule]

    /// All rules' atoms, interned together.
    let lexicon: Lexicon
    /// All rules' trees, their leaves renumbered into `lexicon`, in one program.
    let program: Program
    /// Each rule's root instruction in `program`.
    let roots: [Int32]
    /// The text fields any rule reads.
    let fields: TextFields

    public init(_ rules: [Rule]) {
        self.rules = rules
        var lexicon = Lexicon()
        var program = Program()
        var roots: [Int32] = []
        var fields = TextFields()
        roots.reserveCapacity(rules.count)
        for rule in rules {
            let local = rule.query.lexicon
            let mapping = local.atoms.map { lexicon.intern($0) }
            roots.append(program.append(rule.query.root.renumbered(mapping)))
            fields.formUnion(rule.query.fields)
        }
        self.lexicon = lexicon
        self.roots = roots
        self.program = program
        self.fields = fields
    }

    /// Names of the rules the document matches, in rule order.
    public func matches(_ document: RuleDocument) -> [String] {
        let prepared = PreparedDocument(
            document, lexicon: lexicon, fields: fields, values: !program.values.isEmpty)
        var names: [String] = []
        for (index, root) in roots.enumerated() where program.evaluate(root, in: prepared) {
            names.append(rules[index].name)
        }
        return names
    }
}

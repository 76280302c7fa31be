/// A compiled query: boolean structure over leaves that read a `PreparedDocument`.
/// Leaves name atoms by id in a `Lexicon`; a `RuleSet` renumbers them into its own.
indirect enum MatchNode: Sendable {
    case all([MatchNode])
    case any([MatchNode])
    case not(MatchNode)
    /// One atom in any of the fields.
    case word(Int32, TextFields)
    /// Atoms at consecutive word positions of one field.
    case phrase([Int32], TextFields)
    /// Two word sequences in one field with at most `distance` words between them,
    /// in either order, not overlapping.
    case near([Int32], [Int32], distance: Int, TextFields)
    /// A whole-value (or, for links, substring) comparison.
    case value(ValueField, ValuePattern)
    /// A regular expression over the raw text of the scope.
    case regex(CompiledRegex, Scope)

    /// A rough relative price, used to order the operands of AND/OR so that cheap
    /// term-hit checks short-circuit before phrases, NEAR and regexes run.
    var cost: Int {
        switch self {
        case .all(let nodes), .any(let nodes): nodes.reduce(0) { $0 + $1.cost }
        case .not(let node): node.cost
        case .word: 1
        case .value: 2
        case .phrase(let atoms, _): 2 + atoms.count
        case .near: 8
        case .regex: 50
        }
    }

    /// Whether a leaf compares a story field (`sources`, `covered`).
    var readsStory: Bool {
        switch self {
        case .all(let nodes), .any(let nodes): nodes.contains { $0.readsStory }
        case .not(let node): node.readsStory
        case .value(let field, _): field.readsStory
        case .word, .phrase, .near, .regex: false
        }
    }

    /// The text fields any leaf reads; documents skip tokenizing the others.
    var textFields: TextFields {
        switch self {
        case .all(let nodes), .any(let nodes):
            nodes.reduce(into: TextFields()) { $0.formUnion($1.textFields) }
        case .not(let node): node.textFields
        case .word(_, let fields), .phrase(_, let fields), .near(_, _, _, let fields): fields
        case .value, .regex: []
        }
    }

    /// The same tree with atom ids mapped through `mapping` (local id → rule set id).
    func renumbered(_ mapping: [Int32]) -> MatchNode {
        func map(_ atoms: [Int32]) -> [Int32] { atoms.map { mapping[Int($0)] } }
        switch self {
        case .all(let nodes): return .all(nodes.map { $0.renumbered(mapping) })
        case .any(let nodes): return .any(nodes.map { $0.renumbered(mapping) })
        case .not(let node): return .not(node.renumbered(mapping))
        case .word(let atom, let fields): return .word(mapping[Int(atom)], fields)
        case .phrase(let atoms, let fields): return .phrase(map(atoms), fields)
        case .near(let left, let right, let distance, let fields):
            return .near(map(left), map(right), distance: distance, fields)
        case .value, .regex: return self
        }
    }
}

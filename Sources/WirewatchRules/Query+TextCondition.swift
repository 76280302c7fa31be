import WirewatchCore

extension Query {
    /// What a text index must find for this query, as a `TextCondition`: the
    /// archive's search translates it to its index and then checks every
    /// candidate with `matches`, so this may be looser than the query, never
    /// stricter. NOT, regular expressions and value fields (feed, tag, …) give
    /// the index nothing to check; NEAR becomes "both sides occur".
    public var textCondition: TextCondition {
        Self.condition(root, lexicon: lexicon)
    }

    static func condition(_ node: MatchNode, lexicon: Lexicon) -> TextCondition {
        switch node {
        case .all(let nodes):
            let parts = nodes.map { condition($0, lexicon: lexicon) }.filter { $0 != .anything }
            return parts.isEmpty ? .anything : parts.count == 1 ? parts[0] : .all(parts)
        case .any(let nodes):
            let parts = nodes.map { condition($0, lexicon: lexicon) }
            return parts.contains(.anything) ? .anything : parts.count == 1 ? parts[0] : .any(parts)
        case .not, .value, .regex:
            return .anything
        case .word(let atom, let fields):
            return leaf(lexicon.atoms[Int(atom)], field: indexedField(fields))
        case .phrase(let atoms, let fields):
            let field = indexedField(fields)
            let words = atoms.map { lexicon.atoms[Int($0)] }
            if words.contains(where: \.isPrefix) {
                return .all(words.map { leaf($0, field: field) })
            }
            return .phrase(words.map { String(decoding: $0.folded, as: UTF8.self) }, field: field)
        case .near(let left, let right, _, let fields):
            let field = indexedField(fields)
            return .all((left + right).map { leaf(lexicon.atoms[Int($0)], field: field) })
        }
    }

    static func leaf(_ atom: Atom, field: TextCondition.IndexedField?) -> TextCondition {
        let word = String(decoding: atom.folded, as: UTF8.self)
        return atom.isPrefix ? .prefix(word, field: field) : .word(word, field: field)
    }

    /// The archive indexes the title, the body (summary or content) and the author.
    static func indexedField(_ fields: TextFields) -> TextCondition.IndexedField? {
        if fields == .title { return .title }
        if fields == .author { return .author }
        if fields.isSubset(of: [.summary, .content]) { return .text }
        return nil
    }
}

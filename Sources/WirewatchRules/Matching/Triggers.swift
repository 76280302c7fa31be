/// Which atoms can make a rule true: for a rule set, each atom lists the rules it
/// triggers, so a document evaluates only the rules one of whose trigger atoms it
/// contains (plus the few that can match without any word: NOT-only, values,
/// regexes). Evaluating rules therefore costs per atom found, not per rule.
extension MatchNode {
    /// Atoms at least one of which occurs in every document this node matches, or nil
    /// when the node can match a document that contains none of its atoms.
    ///
    /// A word needs its atom; a phrase or NEAR needs each of its atoms, so one (the
    /// least common-looking) is enough; AND needs what its most selective operand
    /// needs; OR needs what any operand needs (nil if one operand needs nothing);
    /// NOT, values and regexes need nothing.
    ///
    /// With `pair`, a phrase is triggered by one of its word pairs instead (a pseudo-atom
    /// `pair(a, b)` that occurs where `a` and `b` are consecutive words of a field): the
    /// pair around its rarest-looking word. The choice between AND operands is the same.
    func triggers(_ atoms: [Atom], pair: ((Int32, Int32) -> Int32)? = nil) -> [Int32]? {
        switch self {
        case .word(let atom, _):
            return [atom]
        case .phrase(let ids, _):
            guard let pair, ids.count >= 2 else { return [Self.rarest(ids, atoms)] }
            let (a, b) = Self.rarestPair(ids, atoms)
            return [pair(a, b)]
        case .near(let left, let right, _, _):
            return [Self.rarest(left + right, atoms)]
        case .not, .value, .regex:
            return nil
        case .all(let nodes):
            var best: [Int32]?
            var bestNode: MatchNode?
            var bestWeight = Int.max
            for node in nodes {
                guard let candidate = node.triggers(atoms) else { continue }
                let weight = candidate.reduce(0) { $0 + Self.weight(atoms[Int($1)]) }
                if weight < bestWeight {
                    best = candidate
                    bestNode = node
                    bestWeight = weight
                }
            }
            // Pairs are made only for the operand chosen (by its words' weights).
            if let pair, let bestNode { return bestNode.triggers(atoms, pair: pair) }
            return best
        case .any(let nodes):
            var union: [Int32] = []
            for node in nodes {
                guard let part = node.triggers(atoms, pair: pair) else { return nil }
                union.append(contentsOf: part)
            }
            return union
        }
    }

    /// A guess at how often an atom occurs: short words and prefixes are common.
    static func weight(_ atom: Atom) -> Int {
        var weight = atom.folded.count <= 3 ? 8 : atom.folded.count <= 5 ? 3 : 2
        if atom.isPrefix { weight *= 3 }
        if atom.caseSensitive { weight = max(1, weight / 2) }
        return weight
    }

    static func rarest(_ ids: [Int32], _ atoms: [Atom]) -> Int32 {
        ids.min { lhs, rhs in
            let (a, b) = (atoms[Int(lhs)], atoms[Int(rhs)])
            return (weight(a), -a.folded.count) < (weight(b), -b.folded.count)
        }!
    }

    /// The word pair of `ids` that `triggers` uses: the rarest-looking word and the one
    /// after it (before it, for the last word).
    static func rarestPair(_ ids: [Int32], _ atoms: [Atom]) -> (Int32, Int32) {
        let rarest = ids.indices.min { lhs, rhs in
            let (a, b) = (atoms[Int(ids[lhs])], atoms[Int(ids[rhs])])
            return (weight(a), -a.folded.count) < (weight(b), -b.folded.count)
        }!
        return rarest + 1 < ids.count ? (ids[rarest], ids[rarest + 1]) : (ids[rarest - 1], ids[rarest])
    }

    /// The fields in which `atom` alone makes this node true (0 if it never does):
    /// a word in its fields, a two-word phrase whose pair pseudo-atom is `atom`
    /// (`pair` gives the pseudo-atom of a pair, if it has one), or any operand of an
    /// OR. Rules triggered by such an atom in such a field match without being evaluated.
    func sufficientFields(for atom: Int32, pair: ((Int32, Int32) -> Int32?)? = nil) -> UInt8 {
        switch self {
        case .word(let id, let fields): return id == atom ? fields.rawValue : 0
        case .phrase(let ids, let fields):
            guard ids.count == 2, let pair, pair(ids[0], ids[1]) == atom else { return 0 }
            return fields.rawValue
        case .any(let nodes): return nodes.reduce(0) { $0 | $1.sufficientFields(for: atom, pair: pair) }
        case .all(let nodes): return nodes.count == 1 ? nodes[0].sufficientFields(for: atom, pair: pair) : 0
        default: return 0
        }
    }

    /// Independent necessary conditions of this node: sets of atoms such that, if the
    /// node matches, at least one atom of each set occurs. `triggers` picks the best
    /// one to index the rule by; a second one serves as a cheap guard before
    /// evaluating the rule.
    func necessarySets(_ atoms: [Atom]) -> [[Int32]] {
        switch self {
        case .word(let atom, _): return [[atom]]
        case .phrase(let ids, _): return Array(Set(ids)).sorted().map { [$0] }
        case .near(let left, let right, _, _): return Array(Set(left + right)).sorted().map { [$0] }
        case .all(let nodes): return nodes.flatMap { $0.necessarySets(atoms) }
        case .any: return triggers(atoms).map { [$0] } ?? []
        case .not, .value, .regex: return []
        }
    }

    /// A necessary condition other than `trigger` (at most 8 atoms), or nil.
    func guardSet(_ atoms: [Atom], trigger: [Int32]) -> [Int32]? {
        let triggerSet = Set(trigger)
        return necessarySets(atoms)
            .filter { $0.count <= 8 && Set($0) != triggerSet && Set($0).isDisjoint(with: triggerSet) }
            .min { lhs, rhs in
                lhs.reduce(0) { $0 + Self.weight(atoms[Int($1)]) }
                    < rhs.reduce(0) { $0 + Self.weight(atoms[Int($1)]) }
            }
    }
}

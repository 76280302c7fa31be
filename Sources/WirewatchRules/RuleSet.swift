/// Named rules compiled together, evaluated against a document in one pass.
///
/// The rule set merges the literal words of all its queries into one lexicon and one
/// `AtomTable`, so a document is tokenized and looked up once (cost follows the text
/// length, not the number of rules). Each atom lists the rules it can trigger, so
/// only rules one of whose words occurred are evaluated (plus the rules that can
/// match without any word, such as `NOT x` or `tag:left`). Regexes, phrases and NEAR
/// run only inside those evaluations, after the cheaper operands of their AND/OR.
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
    let table: AtomTable
    /// Phrase word pairs that trigger rules, as pseudo-atoms numbered after the atoms.
    let pairs: PairTable
    /// All rules' trees, their leaves renumbered into `lexicon`, in one program.
    let program: Program
    /// Each rule's root offset in `program`.
    let roots: [Int32]
    /// The text fields any rule reads.
    let fields: TextFields
    /// Atom (or pair pseudo-atom) `a` triggers rules
    /// `triggerRules[triggerStart[a]..<triggerStart[a + 1]]`.
    let triggerStart: [Int32]
    let triggerRules: [Int32]
    /// Per trigger entry: the fields in which the atom alone makes the rule true.
    let triggerSufficient: [UInt8]
    /// Rule `r` is evaluated only if one of `guardAtoms[guardStart[r]..<guardStart[r + 1]]`
    /// occurred (an empty range: no guard): a second necessary condition, checked in a
    /// compact array before touching the rule's program.
    let guardStart: [Int32]
    let guardAtoms: [Int32]
    /// Rules that can match without any of their words: evaluated for every document.
    let alwaysRules: [Int32]
    /// Per rule: whether it compares value fields (feed, tag, …).
    let usesValues: [Bool]
    /// The value fields any rule compares: only those are normalized per document.
    let valueFields: Set<ValueField>
    let pool: ScratchPool
    /// `rules[i].name`, apart so that reading a name does not touch the query.
    let names: [String]

    public init(_ rules: [Rule]) {
        self.rules = rules
        var lexicon = Lexicon()
        var program = Program()
        var roots: [Int32] = []
        var fields = TextFields()
        var nodes: [MatchNode] = []
        var usesValues: [Bool] = []
        roots.reserveCapacity(rules.count)
        for rule in rules {
            let local = rule.query.lexicon
            let mapping = local.atoms.map { lexicon.intern($0) }
            let node = rule.query.root.renumbered(mapping)
            nodes.append(node)
            roots.append(program.append(node))
            fields.formUnion(rule.query.fields)
            usesValues.append(!rule.query.program.values.isEmpty)
        }
        let atomCount = Int32(lexicon.atoms.count)
        var pairList: [(Int32, Int32)] = []
        var pairIndex: [UInt64: Int32] = [:]
        func pair(_ first: Int32, _ second: Int32) -> Int32 {
            let key = PairTable.key(first, second)
            if let id = pairIndex[key] { return id }
            let id = atomCount + Int32(pairList.count)
            pairIndex[key] = id
            pairList.append((first, second))
            return id
        }
        var perAtom = [[(Int32, UInt8)]](repeating: [], count: lexicon.atoms.count)
        var always: [Int32] = []
        var guardStart: [Int32] = [0]
        var guardAtoms: [Int32] = []
        for (index, node) in nodes.enumerated() {
            if let plain = node.triggers(lexicon.atoms) {
                // The guard is chosen as before, apart from the atoms the rule is indexed by.
                guardAtoms.append(contentsOf: node.guardSet(lexicon.atoms, trigger: plain) ?? [])
                let triggers = node.triggers(lexicon.atoms, pair: pair)!
                if perAtom.count < Int(atomCount) + pairList.count {
                    perAtom.append(contentsOf: repeatElement([], count: Int(atomCount) + pairList.count - perAtom.count))
                }
                for atom in Set(triggers).sorted() {
                    let sufficient = node.sufficientFields(for: atom) { pairIndex[PairTable.key($0, $1)] }
                    perAtom[Int(atom)].append((Int32(index), sufficient))
                }
            } else {
                always.append(Int32(index))
            }
            guardStart.append(Int32(guardAtoms.count))
        }
        var start: [Int32] = [0]
        var flat: [Int32] = []
        var sufficient: [UInt8] = []
        for list in perAtom {
            flat.append(contentsOf: list.map(\.0))
            sufficient.append(contentsOf: list.map(\.1))
            start.append(Int32(flat.count))
        }
        self.lexicon = lexicon
        self.table = AtomTable(lexicon.atoms)
        self.pairs = PairTable(pairList, base: atomCount)
        self.roots = roots
        self.program = program
        self.fields = fields
        self.triggerStart = start
        self.triggerRules = flat
        self.triggerSufficient = sufficient
        self.guardStart = guardStart
        self.guardAtoms = guardAtoms
        self.alwaysRules = always
        self.usesValues = usesValues
        self.pool = ScratchPool(
            atoms: lexicon.atoms.count + pairList.count, rules: rules.count, regexes: program.regexes.count)
        self.names = rules.map(\.name)
        self.valueFields = Set(rules.flatMap { $0.query.program.values.map(\.field) })
    }

    @inline(__always)
    private func passesGuard(_ rule: Int, _ fieldMask: UnsafeMutablePointer<UInt8>) -> Bool {
        let start = Int(guardStart[rule]), end = Int(guardStart[rule + 1])
        guard start < end else { return true }
        for index in start..<end where fieldMask[Int(guardAtoms[index])] != 0 { return true }
        return false
    }

    /// Names of the rules the document matches, in rule order.
    public func matches(_ document: RuleDocument) -> [String] {
        guard !rules.isEmpty else { return [] }
        return pool.withScratch { scratch in
            DocumentScanner.scan(document, fields: fields, table: table, into: scratch)
            pairs.find(in: scratch)
            // Candidate rules as a bitset: set from the trigger lists, then read in
            // rule order (no sort), 64 at a time. A rule triggered by an atom that alone
            // makes it true (`a OR b`, and `a` occurred in a field it reads) is accepted
            // without evaluation; the others are evaluated if their guard allows.
            let bits = scratch.ruleBits
            let accept = scratch.acceptBits
            let fieldMask = scratch.fieldMask
            let touched = scratch.touched
            var any = false
            triggerStart.withUnsafeBufferPointer { start in
                triggerRules.withUnsafeBufferPointer { triggered in
                    triggerSufficient.withUnsafeBufferPointer { sufficient in
                        for index in 0..<touched.count {
                            let atom = Int(touched[index])
                            let found = fieldMask[atom]
                            for slot in Int(start[atom])..<Int(start[atom + 1]) {
                                let rule = Int(triggered[slot])
                                let bit: UInt64 = 1 << UInt64(rule & 63)
                                bits[rule >> 6] |= bit
                                if found & sufficient[slot] != 0 { accept[rule >> 6] |= bit }
                                any = true
                            }
                        }
                    }
                }
            }
            for rule in alwaysRules {
                bits[Int(rule) >> 6] |= 1 << UInt64(rule & 63)
                any = true
            }
            guard any else { return [] }
            scratch.rulesSet = true
            var prepared = PreparedDocument(document, scratch: scratch)
            var normalized = false
            var matched: [String] = []
            for word in 0..<scratch.ruleWords {
                var value = bits[word]
                let accepted = accept[word]
                while value != 0 {
                    let offset = value.trailingZeroBitCount
                    let rule = word << 6 | offset
                    value &= value - 1
                    if accepted & (1 << UInt64(offset)) != 0 {
                        matched.append(names[rule])
                        continue
                    }
                    guard passesGuard(rule, fieldMask) else { continue }
                    if usesValues[rule] && !normalized {
                        // Feed, tags, … are normalized once, and only if a rule reads them.
                        prepared.normalizeValues(valueFields)
                        normalized = true
                    }
                    if program.evaluate(roots[rule], in: prepared) {
                        matched.append(names[rule])
                    }
                }
            }
            return matched
        }
    }
}

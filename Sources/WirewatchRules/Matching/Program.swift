/// Compiled trees flattened into one array of 32-bit words, evaluated by offset.
/// Walking `MatchNode` directly spends most of its time retaining and releasing enum
/// boxes and payload arrays; here the hot loop touches only integers.
///
/// Each tree is laid out in pre-order, a node's header followed by its payload (its
/// children's offsets, atom ids, indexes), so one rule's whole tree is one contiguous
/// run, typically one or two cache lines. Why: a document of a 10,000-rule set
/// evaluates hundreds of rules scattered over megabytes of program, and with
/// instructions and operands in separate arrays each evaluation waited for two or
/// three cache misses.
///
/// Layout (offsets are absolute; `h` is the header word `operation | fields << 8`):
/// - all / any: `h, n, child offset × n`, then the children;
/// - not: `h`, then the operand;
/// - word: `h, atom`;
/// - phrase: `h, n, atom × n`;
/// - near: `h, n, m, distance, atom × n, atom × m`;
/// - value: `h, index into values`; regex: `h, index into regexes`.
struct Program: Sendable {
    enum Operation: Int32, Sendable {
        case all, any, not, word, phrase, near, value, regex
    }

    private(set) var code: [Int32] = []
    private(set) var values: [ValueTest] = []
    private(set) var regexes: [RegexTest] = []

    struct ValueTest: Sendable {
        var field: ValueField
        var pattern: ValuePattern
    }

    /// A class, so that reading one for a run retains one reference instead of copying
    /// the compiled regex's fields (its regex, pattern and literal arrays), each retained
    /// and released on every run.
    final class RegexTest: Sendable {
        let regex: CompiledRegex
        let scope: Scope

        init(regex: CompiledRegex, scope: Scope) {
            self.regex = regex
            self.scope = scope
        }
    }

    /// Identical regular expressions (same pattern, case option and scope) share one
    /// `regexes` entry, so a document runs each once however many rules repeat it: the
    /// result is memoized per document (`PreparedDocument.regexMemo`).
    private struct RegexKey: Hashable {
        var pattern: String
        var ignoreCase: Bool
        var scope: Scope
    }
    private var regexIndex: [RegexKey: Int32] = [:]

    /// Appends `node`'s tree and returns the offset of its root.
    mutating func append(_ node: MatchNode) -> Int32 {
        let root = Int32(code.count)
        emit(node)
        return root
    }

    private mutating func header(_ operation: Operation, _ fields: TextFields = []) {
        code.append(operation.rawValue | Int32(fields.rawValue) << 8)
    }

    private mutating func emit(_ node: MatchNode) {
        switch node {
        case .all(let nodes), .any(let nodes):
            if case .all = node { header(.all) } else { header(.any) }
            code.append(Int32(nodes.count))
            let slots = code.count
            code.append(contentsOf: repeatElement(0, count: nodes.count))
            for (index, child) in nodes.enumerated() {
                code[slots + index] = Int32(code.count)
                emit(child)
            }
        case .not(let inner):
            header(.not)
            emit(inner)
        case .word(let atom, let fields):
            header(.word, fields)
            code.append(atom)
        case .phrase(let atoms, let fields):
            header(.phrase, fields)
            code.append(Int32(atoms.count))
            code.append(contentsOf: atoms)
        case .near(let left, let right, let distance, let fields):
            header(.near, fields)
            code.append(contentsOf: [Int32(left.count), Int32(right.count), Int32(distance)])
            code.append(contentsOf: left)
            code.append(contentsOf: right)
        case .value(let field, let pattern):
            header(.value)
            code.append(Int32(values.count))
            values.append(ValueTest(field: field, pattern: pattern))
        case .regex(let regex, let scope):
            header(.regex)
            let key = RegexKey(pattern: regex.pattern, ignoreCase: regex.ignoreCase, scope: scope)
            if let index = regexIndex[key] {
                code.append(index)
            } else {
                regexIndex[key] = Int32(regexes.count)
                code.append(Int32(regexes.count))
                regexes.append(RegexTest(regex: regex, scope: scope))
            }
        }
    }

    /// Whether the document satisfies the tree whose root is at offset `root`.
    /// AND/OR short-circuit; their operands were ordered cheapest first.
    func evaluate(_ root: Int32, in document: PreparedDocument) -> Bool {
        code.withUnsafeBufferPointer { evaluate(Int(root), $0.baseAddress!, document) }
    }

    private func evaluate(_ at: Int, _ code: UnsafePointer<Int32>, _ document: PreparedDocument) -> Bool {
        let header = code[at]
        let fields = UInt8(truncatingIfNeeded: header >> 8)
        switch Operation(rawValue: header & 0xFF)! {
        case .all:
            for index in 0..<Int(code[at + 1]) where !evaluate(Int(code[at + 2 + index]), code, document) {
                return false
            }
            return true
        case .any:
            for index in 0..<Int(code[at + 1]) where evaluate(Int(code[at + 2 + index]), code, document) {
                return true
            }
            return false
        case .not:
            return !evaluate(at + 1, code, document)
        case .word:
            return document.fieldMask(code[at + 1]) & fields != 0
        case .phrase:
            // Positions are only read when every word occurs in a common field.
            let atoms = UnsafeBufferPointer(start: code + at + 2, count: Int(code[at + 1]))
            let common = Self.commonFields(atoms, fields, document)
            guard common != 0 else { return false }
            return Self.anyField(common) { field in
                document.anyPosition(of: atoms[0], field: field) { start in
                    document.sequence(atoms, at: start, field: field)
                }
            }
        case .near:
            let leftCount = Int(code[at + 1]), rightCount = Int(code[at + 2])
            let left = UnsafeBufferPointer(start: code + at + 4, count: leftCount)
            let right = UnsafeBufferPointer(start: code + at + 4 + leftCount, count: rightCount)
            let common = Self.commonFields(right, Self.commonFields(left, fields, document), document)
            let distance = Int(code[at + 3])
            return common != 0 && Self.anyField(common) { field in
                Self.near(left, right, distance: distance, field: field, in: document)
            }
        case .value:
            // The document's values are read in place: a copy of the whole struct
            // retained and released its six arrays on every value test.
            let index = Int(code[at + 1])
            let pattern = values[index].pattern
            switch values[index].field {
            case .feed: return pattern.matches(document.values.feed)
            case .link: return pattern.matches(document.values.link)
            case .lang: return pattern.matches(document.values.language)
            case .tag: return document.values.tags.contains { pattern.matches($0) }
            case .category: return document.values.categories.contains { pattern.matches($0) }
            case .covered: return document.values.covered.contains { pattern.matches($0) }
            case .sources: return pattern.matches(count: document.document.storySources)
            }
        case .regex:
            let index = Int(code[at + 1])
            let known = document.regexMemo[index]
            if known != 0 { return known == 2 }
            let found = runRegex(index, on: document.document)
            document.regexMemo[index] = found ? 2 : 1
            return found
        }
    }

    /// Whether regular expression `index` matches in its scope of `source`.
    private func runRegex(_ index: Int, on source: RuleDocument) -> Bool {
        let test = regexes[index]
        switch test.scope {
        case .text(let fields):
            return Self.anyField(fields.rawValue) { field in
                switch field {
                case 0: test.regex.matches(source.title)
                case 1: test.regex.matches(source.summary)
                case 2: test.regex.matches(source.content)
                default: test.regex.matches(source.author)
                }
            }
        case .value:
            return Self.rawTexts(test.scope, of: source).contains { test.regex.matches($0) }
        }
    }

    /// The bits of `fields` in which every atom of `atoms` occurs.
    @inline(__always)
    private static func commonFields(
        _ atoms: UnsafeBufferPointer<Int32>, _ fields: UInt8, _ document: PreparedDocument
    ) -> UInt8 {
        var common = fields
        for atom in atoms where common != 0 {
            common &= document.fieldMask(atom)
        }
        return common
    }

    /// Whether `body` holds for one of the field indexes whose bits are set.
    @inline(__always)
    static func anyField(_ bits: UInt8, _ body: (Int) -> Bool) -> Bool {
        var field = 0
        while field < 4 {
            if bits & (1 << UInt8(field)) != 0, body(field) { return true }
            field += 1
        }
        return false
    }

    /// Some occurrence of each side with at most `distance` words between them, the
    /// two not overlapping.
    private static func near(
        _ left: UnsafeBufferPointer<Int32>, _ right: UnsafeBufferPointer<Int32>, distance: Int,
        field: Int, in document: PreparedDocument
    ) -> Bool {
        let leftStarts = document.sequenceStarts(left, field: field)
        guard !leftStarts.isEmpty else { return false }
        let rightStarts = document.sequenceStarts(right, field: field)
        for l in leftStarts {
            for r in rightStarts {
                let gap = l < r ? r - (l + left.count) : l - (r + right.count)
                if gap >= 0 && gap <= distance { return true }
            }
        }
        return false
    }

    static func rawTexts(_ scope: Scope, of document: RuleDocument) -> [String] {
        switch scope {
        case .text(let fields):
            let texts = [document.title, document.summary, document.content, document.author]
            return TextFields.ordered.indices.filter { fields.contains(TextFields.ordered[$0]) }
                .map { texts[$0] }
        case .value(.feed): return [document.feed]
        case .value(.link): return [document.link]
        case .value(.lang): return [document.language]
        case .value(.tag): return document.tags
        case .value(.category): return document.categories
        case .value(.covered): return document.coveredTags
        case .value(.sources): return [String(document.storySources)]
        }
    }
}

/// Compiled trees flattened into one array of plain-data instructions, evaluated by
/// index. Walking `MatchNode` directly spends most of its time retaining and
/// releasing enum boxes and payload arrays; here the hot loop touches only integers,
/// so evaluating one more rule costs a few nanoseconds.
struct Program: Sendable {
    enum Operation: UInt8, Sendable {
        /// `operands[first..<first + count]` are instruction indexes.
        case all, any
        /// `first` is the instruction index of the operand.
        case not
        /// `first` is an atom id.
        case word
        /// `operands[first..<first + count]` are atom ids.
        case phrase
        /// Atoms `operands[first..<first + count]` NEAR `operands[second..<second + secondCount]`.
        case near
        /// `first` indexes `values`.
        case value
        /// `first` indexes `regexes`.
        case regex
    }

    struct Instruction: Sendable {
        var operation: Operation
        /// `TextFields` bits for word, phrase and near.
        var fields: UInt8 = 0
        var first: Int32 = 0
        var count: Int32 = 0
        var second: Int32 = 0
        var secondCount: Int32 = 0
        var distance: Int32 = 0
    }

    private(set) var instructions: [Instruction] = []
    private(set) var operands: [Int32] = []
    private(set) var values: [ValueTest] = []
    private(set) var regexes: [RegexTest] = []

    struct ValueTest: Sendable {
        var field: ValueField
        var pattern: ValuePattern
    }

    struct RegexTest: Sendable {
        var regex: CompiledRegex
        var scope: Scope
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

    /// Appends `node` (children first) and returns the index of its instruction.
    mutating func append(_ node: MatchNode) -> Int32 {
        var instruction: Instruction
        switch node {
        case .all(let nodes), .any(let nodes):
            let children = nodes.map { append($0) }
            if case .all = node {
                instruction = Instruction(operation: .all)
            } else {
                instruction = Instruction(operation: .any)
            }
            instruction.first = Int32(operands.count)
            instruction.count = Int32(children.count)
            operands.append(contentsOf: children)
        case .not(let inner):
            instruction = Instruction(operation: .not, first: append(inner))
        case .word(let atom, let fields):
            instruction = Instruction(operation: .word, fields: fields.rawValue, first: atom)
        case .phrase(let atoms, let fields):
            instruction = Instruction(
                operation: .phrase, fields: fields.rawValue, first: Int32(operands.count),
                count: Int32(atoms.count))
            operands.append(contentsOf: atoms)
        case .near(let left, let right, let distance, let fields):
            instruction = Instruction(
                operation: .near, fields: fields.rawValue,
                first: Int32(operands.count), count: Int32(left.count),
                second: Int32(operands.count + left.count), secondCount: Int32(right.count),
                distance: Int32(distance))
            operands.append(contentsOf: left)
            operands.append(contentsOf: right)
        case .value(let field, let pattern):
            instruction = Instruction(operation: .value, first: Int32(values.count))
            values.append(ValueTest(field: field, pattern: pattern))
        case .regex(let regex, let scope):
            let key = RegexKey(pattern: regex.pattern, ignoreCase: regex.ignoreCase, scope: scope)
            if let index = regexIndex[key] {
                instruction = Instruction(operation: .regex, first: index)
            } else {
                instruction = Instruction(operation: .regex, first: Int32(regexes.count))
                regexIndex[key] = Int32(regexes.count)
                regexes.append(RegexTest(regex: regex, scope: scope))
            }
        }
        instructions.append(instruction)
        return Int32(instructions.count - 1)
    }

    /// Whether the document satisfies the tree whose root instruction is `index`.
    /// AND/OR short-circuit; their operands were ordered cheapest first.
    func evaluate(_ index: Int32, in document: PreparedDocument) -> Bool {
        let instruction = instructions[Int(index)]
        let first = Int(instruction.first)
        let end = first + Int(instruction.count)
        switch instruction.operation {
        case .all:
            for operand in first..<end where !evaluate(operands[operand], in: document) {
                return false
            }
            return true
        case .any:
            for operand in first..<end where evaluate(operands[operand], in: document) {
                return true
            }
            return false
        case .not:
            return !evaluate(instruction.first, in: document)
        case .word:
            return document.fieldMask(instruction.first) & instruction.fields != 0
        case .phrase:
            // Positions are only read when every word occurs in a common field.
            let common = commonFields(first..<end, instruction.fields, document)
            guard common != 0 else { return false }
            return operands.withUnsafeBufferPointer { all in
                let atoms = UnsafeBufferPointer(rebasing: all[first..<end])
                return Self.anyField(common) { field in
                    document.anyPosition(of: atoms[0], field: field) { start in
                        document.sequence(atoms, at: start, field: field)
                    }
                }
            }
        case .near:
            let second = Int(instruction.second)
            let right = second..<second + Int(instruction.secondCount)
            let left = first..<end
            let common = commonFields(
                right, commonFields(left, instruction.fields, document), document)
            let distance = Int(instruction.distance)
            return common != 0 && Self.anyField(common) { field in
                near(left, right, distance: distance, field: field, in: document)
            }
        case .value:
            let pattern = values[first].pattern
            let documentValues = document.values
            switch values[first].field {
            case .feed: return pattern.matches(documentValues.feed)
            case .link: return pattern.matches(documentValues.link)
            case .lang: return pattern.matches(documentValues.language)
            case .tag: return documentValues.tags.contains { pattern.matches($0) }
            case .category: return documentValues.categories.contains { pattern.matches($0) }
            case .covered: return documentValues.covered.contains { pattern.matches($0) }
            case .sources: return pattern.matches(count: document.document.storySources)
            }
        case .regex:
            let known = document.regexMemo[first]
            if known != 0 { return known == 2 }
            let found = runRegex(first, on: document.document)
            document.regexMemo[first] = found ? 2 : 1
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

    /// The bits of `fields` in which every atom of `operands[range]` occurs.
    @inline(__always)
    private func commonFields(
        _ range: Range<Int>, _ fields: UInt8, _ document: PreparedDocument
    ) -> UInt8 {
        var common = fields
        for operand in range where common != 0 {
            common &= document.fieldMask(operands[operand])
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
    private func near(
        _ left: Range<Int>, _ right: Range<Int>, distance: Int, field: Int,
        in document: PreparedDocument
    ) -> Bool {
        operands.withUnsafeBufferPointer { all in
            let leftStarts = document.sequenceStarts(UnsafeBufferPointer(rebasing: all[left]), field: field)
            guard !leftStarts.isEmpty else { return false }
            let rightStarts = document.sequenceStarts(UnsafeBufferPointer(rebasing: all[right]), field: field)
            for l in leftStarts {
                for r in rightStarts {
                    let gap = l < r ? r - (l + left.count) : l - (r + right.count)
                    if gap >= 0 && gap <= distance { return true }
                }
            }
            return false
        }
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

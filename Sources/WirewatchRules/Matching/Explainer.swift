/// Evaluates a query's tree node by node for `Query.explain`, with the byte range of
/// every word so that occurrences can be shown in the original text. It reads the same
/// `PreparedDocument` as `Program` and follows the same rules (so `matched` agrees with
/// `matches`), but evaluates every operand and records what it found.
struct Explainer {
    let query: Query
    let document: RuleDocument
    private let scratch: Scratch
    private var prepared: PreparedDocument
    /// Per field index: the UTF-8 byte range of each word position.
    private var spans: [[Range<Int>]] = [[], [], [], []]
    private var lines: [String] = []
    private var terms: [MatchedTerm] = []

    init(query: Query, document: RuleDocument) {
        self.query = query
        self.document = document
        scratch = Scratch(atoms: query.lexicon.atoms.count, rules: 1, regexes: query.program.regexes.count)
        var spans: [[Range<Int>]] = [[], [], [], []]
        DocumentScanner.scan(
            document, fields: [.title, .summary, .content, .author], table: query.table,
            into: scratch, spans: { field, _, bytes in spans[field].append(bytes) })
        self.spans = spans
        prepared = PreparedDocument(document, scratch: scratch)
        prepared.normalizeValues()
    }

    mutating func explain() -> MatchExplanation {
        let matched = visit(query.root, depth: 0, negated: false)
        terms.sort { lhs, rhs in
            let (l, r) = (Self.fieldIndex(lhs.field), Self.fieldIndex(rhs.field))
            return l != r ? l < r : lhs.range.lowerBound < rhs.range.lowerBound
        }
        return MatchExplanation(matched: matched, lines: lines, matchedTerms: terms)
    }

    private static let fields: [MatchedTerm.Field] = [.title, .summary, .content, .author]
    private static func fieldIndex(_ field: MatchedTerm.Field) -> Int {
        fields.firstIndex(of: field)!
    }

    private func text(_ field: Int) -> String {
        switch field {
        case 0: document.title
        case 1: document.summary
        case 2: document.content
        default: document.author
        }
    }

    private mutating func emit(_ depth: Int, _ ok: Bool, _ label: String) -> Int {
        lines.append(String(repeating: "  ", count: depth) + (ok ? "✓ " : "✗ ") + label)
        return lines.count - 1
    }

    private mutating func visit(_ node: MatchNode, depth: Int, negated: Bool) -> Bool {
        switch node {
        case .all(let nodes), .any(let nodes):
            let isAll: Bool
            if case .all = node { isAll = true } else { isAll = false }
            let line = emit(depth, false, isAll ? "AND" : "OR")
            var results: [Bool] = []
            for child in nodes { results.append(visit(child, depth: depth + 1, negated: negated)) }
            let result = isAll ? !results.contains(false) : results.contains(true)
            lines[line] = String(repeating: "  ", count: depth) + (result ? "✓ " : "✗ ")
                + (isAll ? "AND" : "OR")
            return result
        case .not(let inner):
            let line = emit(depth, false, "NOT")
            let result = !visit(inner, depth: depth + 1, negated: !negated)
            lines[line] = String(repeating: "  ", count: depth) + (result ? "✓ " : "✗ ") + "NOT"
            return result
        case .word(let atom, let fields):
            let found = occurrences([atom], fields: fields.rawValue)
            return leaf(depth, label(for: [atom], fields: fields), found, negated: negated, fields: fields)
        case .phrase(let atoms, let fields):
            let found = occurrences(atoms, fields: fields.rawValue)
            return leaf(depth, label(for: atoms, fields: fields), found, negated: negated, fields: fields)
        case .near(let left, let right, let distance, let fields):
            var found: [(Int, Range<Int>)] = []
            for field in 0..<4 where fields.rawValue & (1 << UInt8(field)) != 0 {
                let lefts = starts(left, field: field), rights = starts(right, field: field)
                for l in lefts {
                    for r in rights {
                        let gap = l < r ? r - (l + left.count) : l - (r + right.count)
                        guard gap >= 0 && gap <= distance else { continue }
                        found.append((field, spanRange(field, l, left.count)))
                        found.append((field, spanRange(field, r, right.count)))
                    }
                }
            }
            var unique: [(Int, Range<Int>)] = []
            for item in found where !unique.contains(where: { $0 == item }) { unique.append(item) }
            let label = scope(fields) + "(" + label(for: left, fields: .unscoped) + " NEAR/\(distance) "
                + label(for: right, fields: .unscoped) + ")"
            return leaf(depth, label, unique, negated: negated, fields: fields, near: true)
        case .value(let field, let pattern):
            let values = prepared.values
            let result: Bool
            let shown: String
            switch field {
            case .feed: (result, shown) = (pattern.matches(values.feed), "feed is \"\(document.feed)\"")
            case .link: (result, shown) = (pattern.matches(values.link), "link is \"\(document.link)\"")
            case .lang: (result, shown) = (pattern.matches(values.language), "lang is \"\(document.language)\"")
            case .tag:
                result = values.tags.contains { pattern.matches($0) }
                shown = document.tags.isEmpty ? "no tags" : "tags: " + document.tags.joined(separator: ", ")
            case .category:
                result = values.categories.contains { pattern.matches($0) }
                shown = document.categories.isEmpty
                    ? "no categories" : "categories: " + document.categories.joined(separator: ", ")
            case .covered:
                result = values.covered.contains { pattern.matches($0) }
                shown = document.coveredTags.isEmpty
                    ? "covered by no tag" : "covered: " + document.coveredTags.joined(separator: ", ")
            case .sources:
                result = pattern.matches(count: document.storySources)
                shown = "\(document.storySources) source\(document.storySources == 1 ? "" : "s")"
            }
            if case .count(let comparison, let number) = pattern.kind {
                _ = emit(depth, result, "sources\(comparison.rawValue)\(number) — \(shown)")
                return result
            }
            let written = String(decoding: pattern.text, as: UTF8.self)
            let value = written.contains(" ") ? "\"\(written)\"" : written
            _ = emit(depth, result, "\(Self.name(field)):\(value)\(pattern.kind == .prefix ? "*" : "") — \(shown)")
            return result
        case .regex(let regex, let scope):
            let label = Self.scopeLabel(scope) + "/\(regex.pattern)/" + (regex.ignoreCase ? "i" : "")
            var found: [(Int, Range<String.Index>)] = []
            var result = false
            switch scope {
            case .text(let fields):
                for field in 0..<4 where fields.rawValue & (1 << UInt8(field)) != 0 {
                    let string = text(field)
                    guard regex.matches(string) else { continue }
                    result = true
                    for range in regex.ranges(in: string) { found.append((field, range)) }
                }
            case .value:
                result = Program.rawTexts(scope, of: document).contains { regex.matches($0) }
            }
            if !negated {
                for (field, range) in found {
                    terms.append(MatchedTerm(
                        term: "/\(regex.pattern)/", field: Self.fields[field], range: range,
                        text: String(text(field)[range])))
                }
            }
            let detail = found.first.map { describe($0.0, $0.1, more: found.count - 1) }
                ?? (result ? "matches" : "no match")
            _ = emit(depth, result, "\(label) — \(detail)")
            return result
        }
    }

    /// Emits a term's line and records its occurrences; returns whether it was found.
    private mutating func leaf(
        _ depth: Int, _ label: String, _ found: [(Int, Range<Int>)], negated: Bool,
        fields: TextFields, near: Bool = false
    ) -> Bool {
        let ranges = found.map { field, bytes in (field, stringRange(field, bytes)) }
        if !negated {
            for (field, range) in ranges {
                terms.append(MatchedTerm(
                    term: label, field: Self.fields[field], range: range,
                    text: String(text(field)[range])))
            }
        }
        let detail: String
        if near, ranges.count >= 2 {
            // The first pair: "title: ICE … raid".
            detail = describe(ranges[0].0, ranges[0].1, more: 0) + " … "
                + String(text(ranges[1].0)[ranges[1].1])
                + (ranges.count > 2 ? " (+\((ranges.count - 2) / 2) more)" : "")
        } else if let first = ranges.first {
            detail = describe(first.0, first.1, more: ranges.count - 1)
        } else {
            detail = fields == .unscoped ? "not found" : "not found in " + Self.fieldNames(fields)
        }
        _ = emit(depth, !found.isEmpty, "\(label) — \(detail)")
        return !found.isEmpty
    }

    /// "title: General strike", or for longer fields the occurrence with some context:
    /// "content: …the general strike in…", plus "(+N more)".
    private func describe(_ field: Int, _ range: Range<String.Index>, more: Int) -> String {
        let string = text(field)
        var shown: String
        if field == 0 || field == 3 {
            shown = String(string[range])
        } else {
            let lower = string.index(range.lowerBound, offsetBy: -24, limitedBy: string.startIndex)
            let upper = string.index(range.upperBound, offsetBy: 24, limitedBy: string.endIndex)
            shown = (lower == nil ? "" : "…") + String(string[(lower ?? string.startIndex)..<(upper ?? string.endIndex)])
                + (upper == nil ? "" : "…")
            shown = String(shown.map { $0.isNewline ? " " : $0 })
        }
        return "\(Self.fields[field].rawValue): \(shown)" + (more > 0 ? " (+\(more) more)" : "")
    }

    /// Where the atoms occur as consecutive words in the fields: (field, byte range).
    private func occurrences(_ atoms: [Int32], fields: UInt8) -> [(Int, Range<Int>)] {
        var found: [(Int, Range<Int>)] = []
        for field in 0..<4 where fields & (1 << UInt8(field)) != 0 {
            for start in starts(atoms, field: field) {
                found.append((field, spanRange(field, start, atoms.count)))
            }
        }
        return found
    }

    private func starts(_ atoms: [Int32], field: Int) -> [Int] {
        atoms.withUnsafeBufferPointer { prepared.sequenceStarts($0, field: field) }
    }

    private func spanRange(_ field: Int, _ start: Int, _ count: Int) -> Range<Int> {
        spans[field][start].lowerBound..<spans[field][start + count - 1].upperBound
    }

    private func stringRange(_ field: Int, _ bytes: Range<Int>) -> Range<String.Index> {
        let utf8 = text(field).utf8
        return utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
            ..< utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)
    }

    /// A term as the query matches it: folded words, acronyms in capitals, `*` for
    /// prefixes, quotes around phrases, and the field scope.
    private func label(for atoms: [Int32], fields: TextFields) -> String {
        let words = atoms.map { id -> String in
            let atom = query.lexicon.atoms[Int(id)]
            let word = String(decoding: atom.folded, as: UTF8.self)
            return (atom.caseSensitive ? word.uppercased() : word) + (atom.isPrefix ? "*" : "")
        }
        let body = words.count == 1 ? words[0] : "\"" + words.joined(separator: " ") + "\""
        return scope(fields) + body
    }

    private func scope(_ fields: TextFields) -> String {
        fields == .unscoped ? "" : Self.fieldNames(fields) + ":"
    }

    private static func fieldNames(_ fields: TextFields) -> String {
        TextFields.ordered.indices.filter { fields.contains(TextFields.ordered[$0]) }
            .map { Self.fields[$0].rawValue }.joined(separator: "+")
    }

    private static func scopeLabel(_ scope: Scope) -> String {
        switch scope {
        case .text(let fields): fields == .unscoped ? "" : fieldNames(fields) + ":"
        case .value(let field): name(field) + ":"
        }
    }

    private static func name(_ field: ValueField) -> String {
        switch field {
        case .feed: "feed"
        case .tag: "tag"
        case .category: "category"
        case .lang: "lang"
        case .link: "link"
        case .covered: "covered"
        case .sources: "sources"
        }
    }
}

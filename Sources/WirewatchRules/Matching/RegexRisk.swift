/// The shape of regular expression that makes a backtracking engine (Swift's is one)
/// take exponential time: a repeated group whose contents can repeat by themselves
/// with nothing required between the repeats — `(a+)+`, `(\w+\s?)*`, `(\d{1,3},?)+`.
/// On a text where the match finally fails, the engine tries every way of cutting the
/// run into repeats: `(a+)+$` took 9 s on 18 letters here, and grows 7× every two.
/// Rules run inside the daemon's ingest, so such a rule would stall every feed; it is
/// refused when the config is loaded instead, with the group pointed at.
///
/// The same blow-up comes from a repeated group with two alternatives that can match
/// the same character: `(\w|\d)+`, `(.|\s)*` (a run of 22 digits or spaces took
/// 5–7 s here, doubling with each one more).
///
/// Deliberately narrow, so that safe patterns pass: `(\s+\w+)+` and `(\w+,)*` have
/// something mandatory and different between repeats, `(\w|-)+` and `(.|\n)*` have
/// alternatives that never match the same character, and possessive quantifiers
/// (`a++`) and atomic groups (`(?>…)`) do not backtrack.
///
/// Alternatives of plain letters that can spell one text in two ways are the
/// same blow-up over several characters: `(a|aa)*` reads "aaaa" as a·a·a·a,
/// aa·aa, a·aa·a, …; `(ab|aba|ba)+` reads "ababa" two ways. Whether a set of
/// words can do that is decided exactly (Sardinas–Patterson, `WordCode`);
/// `(a|ab)*` and `(ab|ac)+` cannot and pass.
enum RegexRisk {
    struct Finding: Equatable {
        enum Kind { case nestedRepetition, overlappingAlternatives, ambiguousWords }
        /// In Unicode scalars of the pattern: the repeated group.
        let offset: Int
        let kind: Kind
    }

    /// The first repeated group that can take exponential time; nil if there is none
    /// (or the pattern is not read to its end, which the regex compiler reports anyway).
    static func find(in pattern: String) -> Finding? {
        var reader = Reader(chars: Array(pattern.unicodeScalars))
        _ = reader.alternation()
        return reader.found
    }

    /// The offset of the first repeated group whose contents can repeat by themselves.
    static func nestedRepetition(in pattern: String) -> Int? {
        find(in: pattern).flatMap { $0.kind == .nestedRepetition ? $0.offset : nil }
    }

    /// One item of a sequence, as far as the check needs it.
    private struct Item {
        /// It can match more than once in a row (a quantifier allowing 2 or more, not
        /// possessive), or it is a group whose contents can.
        var repeats = false
        /// It can match the empty string (minimum 0, or zero-width).
        var optional = false
        /// It can match one text in more than one way (overlapping alternatives).
        var ambiguous = false
        /// … because its alternatives are plain words that spell one text two ways.
        var ambiguousWords = false
        /// It is exactly this one literal character (for words of alternatives).
        var literal: Unicode.Scalar?
        /// It matches exactly one character, of this set (nil: not known to).
        var single: RegexCharSet?
    }

    /// What an alternation (a group's body) can do.
    private struct Body {
        var repeats = false
        var ambiguous = false
        var ambiguousWords = false
        var single: RegexCharSet?
    }

    private struct Reader {
        let chars: [Unicode.Scalar]
        var index = 0
        var found: Finding?

        init(chars: [Unicode.Scalar]) { self.chars = chars }

        var atEnd: Bool { index >= chars.count }
        var current: Unicode.Scalar { chars[index] }

        /// Branches up to `)` or the end: whether some branch repeats by itself (one
        /// repeating item, every other item optional), whether two branches can
        /// match the same character, and the one-character set when every branch is one.
        mutating func alternation() -> Body {
            var body = Body()
            var singles: [RegexCharSet] = []
            var allSingle = true
            var words: [[Unicode.Scalar]] = []
            while true {
                var items: [Item] = []
                while !atEnd, current != "|", current != ")" {
                    items.append(item())
                }
                let repeating = items.indices.filter { items[$0].repeats }
                if repeating.contains(where: { r in items.indices.allSatisfy { $0 == r || items[$0].optional } }) {
                    body.repeats = true
                }
                if items.contains(where: \.ambiguous) {
                    body.ambiguous = true
                    body.ambiguousWords = body.ambiguousWords || items.contains(where: \.ambiguousWords)
                }
                if !items.isEmpty, items.allSatisfy({ $0.literal != nil }) {
                    words.append(items.map { $0.literal!.properties.lowercaseMapping.unicodeScalars.first ?? $0.literal! })
                }
                if items.count == 1, let single = items[0].single {
                    if singles.contains(where: { $0.overlaps(single) }) { body.ambiguous = true }
                    singles.append(single)
                } else {
                    allSingle = false
                }
                guard !atEnd, current == "|" else { break }
                index += 1
            }
            if !body.ambiguous, words.count > 1, !WordCode.isUniquelyDecodable(words) {
                body.ambiguous = true
                body.ambiguousWords = true
            }
            if allSingle, var union = singles.first {
                for set in singles.dropFirst() { union.formUnion(set) }
                body.single = union
            }
            return body
        }

        /// One atom and its quantifier.
        mutating func item() -> Item {
            let start = index
            var item = Item()
            var groupRepeats = false
            var single: RegexCharSet?
            var repeatable = true  // false for zero-width atoms and atomic groups
            var literal: Unicode.Scalar?
            let c = current
            index += 1
            switch c {
            case "(":
                var kind = GroupKind.capturing
                if !atEnd, current == "?" { kind = groupKind() }
                if kind == .optionSetter { return Item(repeats: false, optional: true) }
                let body = alternation()
                if !atEnd, current == ")" { index += 1 }
                switch kind {
                case .lookaround: repeatable = false; item.optional = true
                case .atomic: single = body.single
                default:
                    groupRepeats = body.repeats
                    item.ambiguous = body.ambiguous
                    item.ambiguousWords = body.ambiguousWords
                    single = body.single
                }
            case "[":
                skipClass()
                single = index - 1 > start + 1 ? RegexCharSet.bracket(chars[(start + 1)..<(index - 1)]) : nil
            case "\\":
                if !atEnd {
                    single = RegexCharSet.escapeClass(current) ?? RegexCharSet.escapedLiteral(current)
                    if RegexCharSet.escapeClass(current) == nil, !current.properties.isAlphabetic, current.properties.numericType == nil {
                        literal = RegexCharSet.escapedScalar(current)  // \. \- \/
                    }
                }
                skipEscape(&item, &repeatable)
                if !repeatable { single = nil }
            case "^", "$":
                item.optional = true
                repeatable = false
            case ".":
                single = .dot
            default:
                single = .scalar(c)
                literal = c
            }
            let (minimum, maximum, possessive) = quantifier()
            if minimum == 0 { item.optional = true }
            let quantifierRepeats = repeatable && !possessive && (maximum ?? 2) > 1
            if quantifierRepeats, groupRepeats, found == nil { found = Finding(offset: start, kind: .nestedRepetition) }
            // A few repeats of an ambiguous group cost a few times more; many cost 2^n.
            if quantifierRepeats, item.ambiguous, (maximum ?? .max) > 8, found == nil {
                found = Finding(offset: start, kind: item.ambiguousWords ? .ambiguousWords : .overlappingAlternatives)
            }
            item.repeats = quantifierRepeats || groupRepeats
            item.single = minimum == 1 && maximum == 1 ? single : nil
            item.literal = minimum == 1 && maximum == 1 ? literal : nil
            return item
        }

        enum GroupKind { case capturing, lookaround, atomic, optionSetter }

        /// After `(?`: what kind of group this is, the reader left at its body.
        mutating func groupKind() -> GroupKind {
            index += 1  // "?"
            guard !atEnd else { return .capturing }
            switch current {
            case "=", "!":
                index += 1
                return .lookaround
            case ">":
                index += 1
                return .atomic
            case ":":
                index += 1
                return .capturing
            case "<":
                index += 1
                if !atEnd, current == "=" || current == "!" {
                    index += 1
                    return .lookaround
                }
                while !atEnd, current != ">" { index += 1 }  // (?<name>
                index += 1
                return .capturing
            case "P":
                // (?P<name>…): the name up to ">".
                while !atEnd, current != ">" { index += 1 }
                index += 1
                return .capturing
            case "'":
                // (?'name'…)
                index += 1
                while !atEnd, current != "'" { index += 1 }
                index += 1
                return .capturing
            default:
                // Options: (?i) sets them for what follows, (?i:…) for a group.
                while !atEnd, current != ")", current != ":" { index += 1 }
                guard !atEnd else { return .capturing }
                let setter = current == ")"
                index += 1
                return setter ? .optionSetter : .capturing
            }
        }

        mutating func skipClass() {
            var depth = 1
            if !atEnd, current == "^" { index += 1 }
            if !atEnd, current == "]" { index += 1 }  // a literal ] first
            while !atEnd, depth > 0 {
                switch current {
                case "\\": index += 1
                case "[": depth += 1
                case "]": depth -= 1
                default: break
                }
                index += 1
            }
        }

        mutating func skipEscape(_ item: inout Item, _ repeatable: inout Bool) {
            guard !atEnd else { return }
            let e = current
            index += 1
            switch e {
            case "b", "B", "A", "z", "Z", "G":
                item.optional = true
                repeatable = false
            case "p", "P", "x", "u", "N", "k", "g":
                if !atEnd, current == "{" || current == "<" {
                    let close: Unicode.Scalar = current == "{" ? "}" : ">"
                    while !atEnd, current != close { index += 1 }
                    index += 1
                }
            default:
                break
            }
        }

        /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` and a lazy `?` or possessive `+`
        /// after it: (minimum, maximum or nil for unbounded, possessive). (1, 1) when
        /// there is none.
        mutating func quantifier() -> (Int, Int?, Bool) {
            guard !atEnd else { return (1, 1, false) }
            var bounds: (Int, Int?)
            switch current {
            case "*": bounds = (0, nil); index += 1
            case "+": bounds = (1, nil); index += 1
            case "?": bounds = (0, 1); index += 1
            case "{":
                guard let parsed = braces() else { return (1, 1, false) }
                bounds = parsed
            default:
                return (1, 1, false)
            }
            var possessive = false
            if !atEnd, current == "?" {
                index += 1
            } else if !atEnd, current == "+" {
                possessive = true
                index += 1
            }
            return (bounds.0, bounds.1, possessive)
        }

        /// `{n}`, `{n,}`, `{n,m}` (also `{,m}`); nil, reader unmoved, for a literal `{`.
        mutating func braces() -> (Int, Int?)? {
            var probe = index + 1
            func number() -> Int? {
                var value: Int?
                while probe < chars.count, let digit = chars[probe].properties.numericType == .decimal
                    ? Int(String(chars[probe])) : nil
                {
                    value = min(1_000_000, (value ?? 0) * 10 + digit)
                    probe += 1
                }
                return value
            }
            let low = number()
            var high = low
            if probe < chars.count, chars[probe] == "," {
                probe += 1
                high = number()
                if low == nil && high == nil { return nil }
            } else if low == nil {
                return nil
            }
            guard probe < chars.count, chars[probe] == "}" else { return nil }
            index = probe + 1
            return (low ?? 0, high)
        }
    }
}

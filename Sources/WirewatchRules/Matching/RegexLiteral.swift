/// A cheap necessary condition for a regular expression: a set of ASCII strings one of
/// which every match must contain (a literal run like "arrested", or the branches of a
/// mandatory group like `(arrested|detained)`), found by a deliberately conservative
/// reading of the pattern. Before running the (slow) regex engine over a field, the
/// field's UTF-8 is searched for them; if none occurs the regex cannot match.
///
/// Anything this reader does not follow gives no literal (the regex then always runs):
/// inline options `(?i)`, backreferences, escapes it does not know, malformed
/// quantifiers. Classes, `.`, `\d`-style escapes and anchors end a run; `?`, `*`,
/// `{0,…}` drop the atom before them; optional groups and lookarounds give nothing.
/// With `/…/i`, letters are compared ASCII-case-insensitively and `k` ends a run.
enum RegexLiteral {
    /// ASCII strings one of which every match of `pattern` contains; empty when none
    /// is known. Each is lowercase when `ignoreCase`.
    static func required(in pattern: String, ignoreCase: Bool) -> [[UInt8]] {
        analyze(pattern, ignoreCase: ignoreCase).required
    }

    /// `required`, plus the most U+0020 spaces a match can contain when that is bounded
    /// and the pattern has no anchors or lookarounds (nil otherwise): a match then lies
    /// within `spaces + 1` spaces of an occurrence of a required string on either side.
    static func analyze(_ pattern: String, ignoreCase: Bool) -> (required: [[UInt8]], spaces: Int?) {
        var reader = Reader(chars: Array(pattern.unicodeScalars), ignoreCase: ignoreCase)
        guard let found = reader.alternation(until: nil), reader.index == reader.chars.count
        else { return ([], nil) }
        let spaces = reader.windowable && reader.spaces < Reader.unbounded ? reader.spaces : nil
        return (found, spaces)
    }

    /// How good a requirement is: its shortest member, then fewer members.
    static func score(_ set: [[UInt8]]) -> (Int, Int) {
        (set.map(\.count).min() ?? 0, -set.count)
    }

    private struct Reader {
        let chars: [Unicode.Scalar]
        let ignoreCase: Bool
        var index = 0
        /// Upper bound on the spaces a match contains (`unbounded` if none).
        var spaces = 0
        /// False once an anchor or a lookaround is seen (they look outside a window).
        var windowable = true
        static let unbounded = Int.max / 4

        /// Adds `count` × `repeats` (nil = unbounded) possible spaces.
        mutating func addSpaces(_ count: Int, repeats: Int?) {
            guard count > 0 else { return }
            guard let repeats, spaces < Self.unbounded else {
                spaces = Self.unbounded
                return
            }
            spaces = min(Self.unbounded, spaces + count * min(repeats, 10_000))
        }

        init(chars: [Unicode.Scalar], ignoreCase: Bool) {
            self.chars = chars
            self.ignoreCase = ignoreCase
        }

        /// Branches separated by `|` up to `)` (or the end): one requirement per branch,
        /// merged; nil if some branch has none or the syntax is not followed.
        mutating func alternation(until close: Unicode.Scalar?) -> [[UInt8]]? {
            var union: [[UInt8]] = []
            var complete = true
            while true {
                guard let branch = sequence() else { return nil }
                if branch.isEmpty { complete = false } else { union.append(contentsOf: branch) }
                if index < chars.count, chars[index] == "|" {
                    index += 1
                    continue
                }
                break
            }
            if let close {
                guard index < chars.count, chars[index] == close else { return nil }
                index += 1
            }
            return complete ? union : []
        }

        /// A sequence up to `|`, `)` or the end: the best requirement among its literal
        /// runs and mandatory groups ([] if none); nil if the syntax is not followed.
        mutating func sequence() -> [[UInt8]]? {
            var best: [[UInt8]] = []
            var run: [UInt8] = []
            func consider(_ candidate: [[UInt8]]) {
                guard !candidate.isEmpty, !candidate.contains(where: \.isEmpty) else { return }
                if best.isEmpty || RegexLiteral.score(candidate) > RegexLiteral.score(best) {
                    best = candidate
                }
            }
            func breakRun() {
                if !run.isEmpty { consider([run]) }
                run = []
            }
            func literal(_ c: Unicode.Scalar) {
                guard c.value >= 0x20, c.value < 0x7F else { return breakRun() }
                var byte = UInt8(c.value)
                if ignoreCase {
                    if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                    // `ignoresCase()` matches "k" with U+212A KELVIN SIGN, the only
                    // non-ASCII scalar it matches with an ASCII letter (checked over all
                    // scalars with Swift 6.3), so "k" cannot be searched byte-wise.
                    if byte == UInt8(ascii: "k") { return breakRun() }
                }
                run.append(byte)
            }
            /// After an atom: skips a quantifier and says whether there was one and
            /// whether it makes the atom optional; nil for a malformed one.
            func quantifier() -> (present: Bool, optional: Bool, maximum: Int?)? {
                guard index < chars.count else { return (false, false, 1) }
                var optional = false
                var maximum: Int? = nil
                switch chars[index] {
                case "?":
                    optional = true
                    maximum = 1
                    index += 1
                case "*":
                    optional = true
                    index += 1
                case "+":
                    index += 1
                case "{":
                    var j = index + 1
                    var digits = ""
                    while j < chars.count, ("0"..."9").contains(chars[j]) {
                        digits.unicodeScalars.append(chars[j])
                        j += 1
                    }
                    var upper = ""
                    var comma = false
                    while j < chars.count, chars[j] == "," || ("0"..."9").contains(chars[j]) {
                        if chars[j] == "," { comma = true } else if comma { upper.unicodeScalars.append(chars[j]) }
                        j += 1
                    }
                    guard j < chars.count, chars[j] == "}" else { return nil }
                    optional = (Int(digits) ?? 0) == 0
                    maximum = comma ? Int(upper) : Int(digits)
                    index = j + 1
                default:
                    return (false, false, 1)
                }
                if index < chars.count, chars[index] == "?" || chars[index] == "+" { index += 1 }
                return (true, optional, maximum)
            }

            while index < chars.count {
                let c = chars[index]
                switch c {
                case "|", ")":
                    breakRun()
                    return best
                case "\\":
                    guard index + 1 < chars.count else { return nil }
                    let escaped = chars[index + 1]
                    index += 2
                    if "dDwWsSbB".unicodeScalars.contains(escaped) {
                        breakRun()
                        guard let quantified = quantifier() else { return nil }
                        if "sWD".unicodeScalars.contains(escaped) { addSpaces(1, repeats: quantified.maximum) }
                        continue
                    }
                    if escaped.properties.isAlphabetic || ("0"..."9").contains(escaped) || !escaped.isASCII {
                        return nil
                    }
                    guard let quantified = quantifier() else { return nil }
                    if escaped == " " { addSpaces(1, repeats: quantified.maximum) }
                    if quantified.optional {
                        breakRun()
                    } else {
                        literal(escaped)
                        if quantified.present { breakRun() }
                    }
                case "[":
                    breakRun()
                    guard let next = skipClass(index) else { return nil }
                    let space = classMayMatchSpace(index + 1..<next - 1)
                    index = next
                    guard let quantified = quantifier() else { return nil }
                    if space { addSpaces(1, repeats: quantified.maximum) }
                case "(":
                    breakRun()
                    index += 1
                    var lookaround = false
                    if index < chars.count, chars[index] == "?" {
                        guard index + 1 < chars.count else { return nil }
                        let kind = chars[index + 1]
                        if kind == ":" {
                            index += 2
                        } else if kind == "=" || kind == "!" {
                            lookaround = true
                            index += 2
                        } else if kind == "<", index + 2 < chars.count {
                            let after = chars[index + 2]
                            if after == "=" || after == "!" {
                                lookaround = true
                                index += 3
                            } else {
                                // A named group: skip the name.
                                guard let close = chars[index...].firstIndex(of: ">") else { return nil }
                                index = close + 1
                            }
                        } else {
                            return nil  // inline options change how the rest reads
                        }
                    }
                    if lookaround { windowable = false }
                    let spacesBefore = spaces
                    guard let inner = alternation(until: ")") else { return nil }
                    guard let quantified = quantifier() else { return nil }
                    if spaces > spacesBefore {
                        let innerSpaces = spaces >= Self.unbounded ? Self.unbounded : spaces - spacesBefore
                        spaces = spacesBefore
                        addSpaces(innerSpaces, repeats: quantified.maximum)
                    }
                    if !quantified.optional && !lookaround { consider(inner) }
                case ".", "^", "$":
                    breakRun()
                    index += 1
                    guard let quantified = quantifier() else { return nil }
                    if c == "." { addSpaces(1, repeats: quantified.maximum) } else { windowable = false }
                default:
                    index += 1
                    guard let quantified = quantifier() else { return nil }
                    if c == " " { addSpaces(1, repeats: quantified.maximum) }
                    if quantified.optional {
                        breakRun()
                    } else {
                        literal(c)
                        // "ab+c": the b is required once, but what follows is not adjacent.
                        if quantified.present { breakRun() }
                    }
                }
            }
            breakRun()
            return best
        }

        /// Whether a class with this content might match U+0020: only classes of ASCII
        /// letters, digits, `\\d`, `\\w`, `\\S` and punctuation other than the set
        /// operators are known not to.
        func classMayMatchSpace(_ range: Range<Int>) -> Bool {
            var j = range.lowerBound
            if j < range.upperBound, chars[j] == "^" { return true }
            while j < range.upperBound {
                let c = chars[j]
                if c == "\\" {
                    guard j + 1 < range.upperBound, "dwS".unicodeScalars.contains(chars[j + 1]) else { return true }
                    j += 2
                    continue
                }
                guard c.value > 0x20, c.value < 0x7F, !"[]&~|".unicodeScalars.contains(c) else { return true }
                if c == "-", j > range.lowerBound, j + 1 < range.upperBound {
                    // A range: both ends must be letters or digits of one kind.
                    let low = chars[j - 1], high = chars[j + 1]
                    let alnum = { (s: Unicode.Scalar) in s.properties.isAlphabetic || ("0"..."9").contains(s) }
                    guard low.isASCII, high.isASCII, alnum(low), alnum(high) else { return true }
                }
                j += 1
            }
            return false
        }

        /// The index after the class starting at `start` ("["), or nil.
        func skipClass(_ start: Int) -> Int? {
            var j = start + 1
            if j < chars.count, chars[j] == "^" { j += 1 }
            if j < chars.count, chars[j] == "]" { return nil }
            var depth = 1
            while j < chars.count {
                switch chars[j] {
                case "\\": j += 2; continue
                case "[": depth += 1
                case "]":
                    depth -= 1
                    if depth == 0 { return j + 1 }
                default: break
                }
                j += 1
            }
            return nil
        }
    }

}

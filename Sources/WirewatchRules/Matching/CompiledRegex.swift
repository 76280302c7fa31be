/// A regular expression compiled once, at query init.
///
/// `Regex` is not declared `Sendable`, but a compiled regex is immutable after its
/// program is lowered; we match once at init so the lazy lowering happens before the
/// value is shared, then only call non-mutating matching methods.
///
/// Swift's regex engine scans 10–40 MB/s, so a rule with a regex would cost more than
/// the whole word scan of its document. Two cheap steps keep it off most text (see
/// `RegexLiteral`): a field without any of the pattern's required ASCII strings is
/// skipped, and when a match cannot contain more than a few spaces (and the pattern
/// has no anchors or lookarounds), the engine only runs on windows of the field
/// around each occurrence, bounded by spaces, where every match must lie.
struct CompiledRegex: @unchecked Sendable {
    let pattern: String
    let ignoreCase: Bool
    private let regex: Regex<AnyRegexOutput>
    /// ASCII strings one of which every match contains (lowercase if `ignoreCase`), or
    /// empty when unknown.
    let required: [[UInt8]]
    /// Most spaces a match contains, when windows can be used (see `RegexLiteral.analyze`).
    let spaces: Int?
    /// `RegexLiteral.probeOffsets` of each of `required`.
    let probes: [(Int, Int)]

    /// Throws the engine's own error for an invalid pattern.
    init(pattern: String, ignoreCase: Bool) throws {
        self.pattern = pattern
        self.ignoreCase = ignoreCase
        let regex = try Regex(pattern)
        self.regex = ignoreCase ? regex.ignoresCase() : regex
        let (required, spaces) = RegexLiteral.analyze(pattern, ignoreCase: ignoreCase)
        // One or two characters are found nearly everywhere: not worth the search.
        let useful = RegexLiteral.score(required).0 >= 3
        self.required = useful ? required : []
        self.spaces = useful ? spaces : nil
        self.probes = self.required.map(RegexLiteral.probeOffsets)
        _ = "".contains(self.regex)
    }

    func matches(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        guard !required.isEmpty else { return text.contains(regex) }
        // Windows are tried as they are found: a match in the first stops the search.
        let utf8 = text.utf8
        let found = RegexLiteral.anyWindow(
            of: required, in: text, ignoreCase: ignoreCase, spaces: spaces, probes: probes
        ) { window in
            let lower = utf8.index(utf8.startIndex, offsetBy: window.lowerBound)
            let upper = utf8.index(utf8.startIndex, offsetBy: window.upperBound)
            return text[lower..<upper].contains(regex)
        }
        return found ?? text.contains(regex)
    }

    /// The ranges of the matches in `text`, for highlighting.
    func ranges(in text: String) -> [Range<String.Index>] {
        guard !text.isEmpty, matches(text) else { return [] }
        return text.matches(of: regex).map(\.range).filter { !$0.isEmpty }
    }
}

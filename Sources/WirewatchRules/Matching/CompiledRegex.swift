/// A regular expression compiled once, at query init.
///
/// `Regex` is not declared `Sendable`, but a compiled regex is immutable after its
/// program is lowered; we match once at init so the lazy lowering happens before the
/// value is shared, then only call non-mutating matching methods.
struct CompiledRegex: @unchecked Sendable {
    let pattern: String
    private let regex: Regex<AnyRegexOutput>

    /// Throws the engine's own error for an invalid pattern.
    init(pattern: String, ignoreCase: Bool) throws {
        self.pattern = pattern
        let regex = try Regex(pattern)
        self.regex = ignoreCase ? regex.ignoresCase() : regex
        _ = "".contains(self.regex)
    }

    func matches(_ text: String) -> Bool {
        !text.isEmpty && text.contains(regex)
    }
}

import TOMLKit

/// Turns TOMLKit's parse error into a config error: the line, the column in the message,
/// and the offending source line with a caret as the detail.
enum SyntaxErrorReport {
    static func error(_ parseError: TOMLParseError, text: String, file: String) -> ConfigError {
        let line = parseError.source.begin.line
        let column = parseError.source.begin.column
        // toml++ says "Error while parsing key-value pair: expected value, saw '\n'".
        var reason = parseError.description
        var construct: Substring?
        let prefix = "Error while parsing "
        if reason.hasPrefix(prefix), let colon = reason.range(of: ": ") {
            construct = reason[reason.index(reason.startIndex, offsetBy: prefix.count)..<colon.lowerBound]
            reason = String(reason[colon.upperBound...])
        }
        var message = "syntax error: column \(column): \(reason)"
        if let construct { message += " (in \(construct))" }
        return ConfigError(file: file, line: line, message: message, detail: caretDiagram(text: text, line: line, column: column))
    }

    /// The source line and a caret under `column` (1-based, in characters); tabs before
    /// the column are kept so that the caret lines up in a terminal.
    static func caretDiagram(text: String, line: Int, column: Int) -> String? {
        // "\r\n" is one Character in Swift, so split on both forms of line break.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard line >= 1, line <= lines.count else { return nil }
        let source = lines[line - 1]
        let padding = source.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return source + "\n" + padding + "^"
    }
}

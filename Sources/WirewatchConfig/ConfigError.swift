/// One problem in a config file, located by file and line.
///
/// `description` is the one-line form `wirewatch check` prints, `FILE:LINE: message`
/// (just `FILE: message` when no line applies, e.g. the file cannot be read).
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The config file as it was named to ``Config/load(path:)`` or ``Config/parse(_:file:)``.
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    /// What is wrong, starting with where in the config: `feed "wsws": unknown key 'tgas'`.
    public var message: String
    /// Extra lines for terminals, e.g. the query or source line with a caret under the column.
    public var detail: String?

    public init(file: String, line: Int?, message: String, detail: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.detail = detail
    }

    public var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }

    /// `description`, then `detail` indented under it, for terminals.
    public var detailedDescription: String {
        guard let detail, !detail.isEmpty else { return description }
        let indented = detail.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        return ([description] + indented).joined(separator: "\n")
    }
}

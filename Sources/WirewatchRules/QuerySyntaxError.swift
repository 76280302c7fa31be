/// A syntax error in a query, pointing at a column.
public struct QuerySyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// 1-based column (in characters) in `source`.
    public var column: Int
    public var source: String

    public init(message: String, column: Int, source: String) {
        self.message = message
        self.column = column
        self.source = source
    }

    /// One line: "column N: message".
    public var description: String { "column \(column): \(message)" }

    /// The query with a caret under the column, for terminals (two lines).
    public var caretDiagram: String {
        source + "\n" + String(repeating: " ", count: max(0, column - 1)) + "^"
    }
}

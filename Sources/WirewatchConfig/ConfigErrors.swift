/// Every problem found in a config file: loading does not stop at the first one, so that
/// `wirewatch check` can list them all in one go. Ordered by line.
public struct ConfigErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [ConfigError]

    public init(_ errors: [ConfigError]) {
        self.errors = errors
    }

    /// One line per error, `FILE:LINE: message`.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }

    /// Like `description`, with each error's detail (caret diagrams) indented under it.
    public var detailedDescription: String {
        errors.map(\.detailedDescription).joined(separator: "\n")
    }
}

/// Why the config file could not be edited as asked; one line, naming the file (and line).
public struct ConfigEditError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// A failure to open, read or write the archive, naming the file.
public struct ArchiveError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "archive \(path): \(reason)" }
}

/// Why `feeds add` will not add a URL, in one line.
public struct FeedProbeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

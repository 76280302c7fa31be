/// Settings of a `jsonl` sink: one JSON object per alert, appended to a file.
public struct JSONLOptions: Sendable, Hashable {
    /// The file to append to (created if missing, mode 0644).
    public var path: String

    public init(path: String) { self.path = path }
}

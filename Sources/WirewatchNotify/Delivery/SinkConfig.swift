/// One configured sink: the name rules use in `notify = [...]`, and what it is.
public struct SinkConfig: Sendable, Hashable {
    public var name: String
    public var kind: SinkKind

    public init(name: String, kind: SinkKind) {
        self.name = name
        self.kind = kind
    }
}

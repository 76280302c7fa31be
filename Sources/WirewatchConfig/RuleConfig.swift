import WirewatchRules

/// One `[[tag]]` or `[[alert]]` of the config: a name and its compiled `match` query.
public struct RuleConfig: Sendable {
    /// Unique among rules of the same kind: letters, digits, `-`, `_`, `.`.
    public var name: String
    public var query: Query
    /// Line of the rule's `[[tag]]` / `[[alert]]` header in the config.
    public var line: Int
    /// `on_update` (alert rules): also alert when an archived item that matches is edited.
    public var onUpdate: Bool = false
    /// `each_source` (alert rules): notify for every outlet carrying a story, not
    /// only the first (by default later sources attach to the story's alert).
    public var eachSource: Bool = false
    /// `notify` (alert rules): the sinks this rule's alerts go to; nil = `[notify] default`.
    public var notify: [String]?
    /// `quiet_hours` (alert rules): when sinks other than terminal and log wait.
    public var quietHours: QuietHours?

    public init(name: String, query: Query, line: Int = 0) {
        self.name = name
        self.query = query
        self.line = line
    }
}

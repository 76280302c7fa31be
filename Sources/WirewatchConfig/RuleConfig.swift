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
    /// `scope` (alert rules): `item` (default) reads each new item; `story`
    /// reads the story an item joins (`sources>=n`, `covered:TAG`) and fires
    /// once per story, when the story first satisfies it.
    public var scope: Scope = .item
    /// `on` (alert rules): what the rule watches, new items (default) or the
    /// health of the feeds (`feed-health`: failing, gone, moved).
    public var event: Event = .items
    /// `throttle` (alert rules): at most this many alerts an hour; the rest of
    /// the hour's alerts are folded into one digest alert.
    public var throttle: Int?
    /// `max_age` (item and story alert rules): an item dated longer ago than this
    /// (published, else updated) is archived and joins its story without raising
    /// this rule's alert — a newly added feed's backlog, an outlet re-sending old
    /// articles. Undated items are new. nil: every new item counts.
    public var maxAge: Duration?
    /// `failing_for` (feed-health rules): how long a feed must have been
    /// failing before the rule reports it.
    public var failingFor: Duration = .seconds(3600)

    public enum Scope: String, Sendable, CaseIterable {
        case item, story
    }

    public enum Event: String, Sendable, CaseIterable {
        case items = "items"
        case feedHealth = "feed-health"
    }

    public init(name: String, query: Query, line: Int = 0) {
        self.name = name
        self.query = query
        self.line = line
    }
}

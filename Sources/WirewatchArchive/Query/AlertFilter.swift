import Foundation

/// Which alerts `tail` shows.
public struct AlertFilter: Sendable {
    /// Only these rules; empty = all.
    public var rules: [String] = []
    /// Only alerts whose item carries this tag.
    public var tag: String?
    /// Only alerts raised at or after.
    public var since: Date?
    /// Also the alerts a throttle held back (they went out in a digest).
    public var includesFolded: Bool

    public init(rules: [String] = [], tag: String? = nil, since: Date? = nil, includesFolded: Bool = false) {
        self.rules = rules
        self.tag = tag
        self.since = since
        self.includesFolded = includesFolded
    }

    var sql: (clause: String, arguments: [(any Sendable & Encodable)?]) {
        // Alerts a throttle held back show up in their digest instead.
        var clauses: [String] = includesFolded ? [] : ["folded = 0"]
        var arguments: [(any Sendable & Encodable)?] = []
        if !rules.isEmpty {
            clauses.append("rule IN (" + Array(repeating: "?", count: rules.count).joined(separator: ",") + ")")
            arguments += rules.map { $0 }
        }
        if let tag {
            clauses.append("EXISTS (SELECT 1 FROM item_tag WHERE item_tag.item_id = alert.item_id AND item_tag.tag = ?)")
            arguments.append(tag)
        }
        if let since {
            clauses.append("created_at >= ?")
            arguments.append(since.timeIntervalSince1970)
        }
        return (clauses.map { " AND " + $0 }.joined(), arguments)
    }
}

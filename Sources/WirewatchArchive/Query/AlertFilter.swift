import Foundation

/// Which alerts `tail` shows.
public struct AlertFilter: Sendable {
    /// Only these rules; empty = all.
    public var rules: [String] = []
    /// Only alerts whose item carries this tag.
    public var tag: String?
    /// Only alerts raised at or after.
    public var since: Date?

    public init(rules: [String] = [], tag: String? = nil, since: Date? = nil) {
        self.rules = rules
        self.tag = tag
        self.since = since
    }

    var sql: (clause: String, arguments: [(any Sendable & Encodable)?]) {
        var clauses: [String] = []
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

import WirewatchCore

/// One parsed item on its way into the archive, with what the pipeline decided
/// about it before storage: its identity, its tags and the alert rules it matches.
public struct IngestItem: Sendable {
    /// Per-feed identity key (see WirewatchDedup.ItemIdentity).
    public var identity: String
    public var item: Item
    public var tags: [String]
    /// Alert rules this item matches; alerts are raised only if the item is new.
    public var alertRules: [String]

    public init(identity: String, item: Item, tags: [String], alertRules: [String]) {
        self.identity = identity
        self.item = item
        self.tags = tags
        self.alertRules = alertRules
    }
}

/// What one ingest batch changed.
public struct IngestResult: Sendable {
    /// Items stored for the first time.
    public var newItems: Int
    /// Alerts raised for them, committed with the items, in order.
    public var alerts: [Alert]

    public init(newItems: Int, alerts: [Alert]) {
        self.newItems = newItems
        self.alerts = alerts
    }
}

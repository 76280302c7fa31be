import Synchronization
import WirewatchCore
import WirewatchDedup

/// One parsed item on its way into the archive, with what the pipeline decided
/// about it before storage: its identity, tags, the alert rules it matches, and
/// the signatures the archive compares it by. Built in the poll task, so the CPU
/// work (hashing, MinHash) happens outside the archive's write transaction.
public struct IngestItem: Sendable {
    /// Per-feed identity key (see `ItemIdentity`).
    public var identity: String
    public var item: Item
    public var tags: [String]
    /// Alert rules this item matches; raised only if the item is new.
    public var alertRules: [String]
    /// Alert rules that opted in to edits (`on_update = true`); raised when an
    /// archived item comes back with a changed title or text.
    public var updateAlertRules: [String]
    /// Alert rules that notify for every source of a story (`each_source = true`);
    /// the others raise one alert per story and attach later items to it.
    public var eachSourceRules: [String] = []
    /// Title + plain text fingerprint: a change means the outlet edited the item.
    public let contentHash: String
    /// Near-duplicate signature used to join the item to a story.
    public var signature: StorySignature { story.value.signature }
    /// The canonical link, when the item has one: the same link is the same story.
    public var canonicalLink: String? { story.value.canonicalLink }
    /// The story-lookup keys (signature keys plus the link's); `linkKey` is among them.
    var storyKeys: [Int64] { story.value.storyKeys }
    var linkKey: Int64? { story.value.linkKey }

    /// The signature (MinHash) and story keys are most of the CPU an item costs
    /// before storage, and only new or edited items need them: an item a feed
    /// lists again unchanged (most of them, every poll) never computes them.
    /// `Archive.prepare` computes them for the others in the poll task, outside
    /// the write transaction; whatever is still missing is computed on first use.
    private let story: LazyStoryData

    public init(identity: String, item: Item, tags: [String], alertRules: [String], updateAlertRules: [String] = []) {
        self.identity = identity
        self.item = item
        self.tags = tags
        self.alertRules = alertRules
        self.updateAlertRules = updateAlertRules
        contentHash = ContentHash.of(title: item.title, text: item.bodyText)
        story = LazyStoryData(title: item.title, text: item.bodyText, link: item.link)
    }

    /// Computes the signature and story keys now (see `story`).
    func prepareStoryData() { _ = story.value }
}

/// An item's story data, computed once, on first use, by whichever task needs it first.
final class LazyStoryData: Sendable {
    struct Value: Sendable {
        let signature: StorySignature
        let canonicalLink: String?
        let linkKey: Int64?
        let storyKeys: [Int64]
    }

    private let input: (title: String, text: String, link: String?)
    private let computed = Mutex<Value?>(nil)

    init(title: String, text: String, link: String?) {
        input = (title, text, link)
    }

    var value: Value {
        computed.withLock { computed in
            if let computed { return computed }
            let signature = StorySignature(title: input.title, text: input.text)
            // A home-page link is every article's: not a story of its own.
            let canonicalLink = input.link.map(CanonicalLink.canonicalize)
                .flatMap { $0.isEmpty || CanonicalLink.isHomePage($0) ? nil : $0 }
            let linkKey = canonicalLink.map { StorySignature.linkKey(canonicalLink: $0) }
            let value = Value(
                signature: signature, canonicalLink: canonicalLink, linkKey: linkKey,
                storyKeys: Array(Set(signature.lookupKeys + (linkKey.map { [$0] } ?? [])))
            )
            computed = value
            return value
        }
    }
}

/// What one ingest batch changed.
public struct IngestResult: Sendable {
    /// Items stored for the first time.
    public var newItems: Int
    /// Archived items that came back edited (a new revision was stored).
    public var updatedItems: Int
    /// Alerts raised, committed with the items, in order.
    public var alerts: [Alert]
    /// New items attached to an existing alert of their story (no new notification).
    public var attachedSources: Int = 0
    /// Alerts a rule's throttle held back for its digest (stored, not sent).
    public var foldedAlerts: Int = 0
    /// Nanoseconds each new item's story lookup took (candidates, verification,
    /// joining), in ingest order: what the archive benchmark reports.
    public var storyLookupNanoseconds: [UInt64] = []

    public init(newItems: Int, updatedItems: Int = 0, alerts: [Alert]) {
        self.newItems = newItems
        self.updatedItems = updatedItems
        self.alerts = alerts
    }

    /// Adds what another part of the same poll changed.
    public mutating func add(_ other: IngestResult) {
        newItems += other.newItems
        updatedItems += other.updatedItems
        alerts += other.alerts
        attachedSources += other.attachedSources
        foldedAlerts += other.foldedAlerts
        storyLookupNanoseconds += other.storyLookupNanoseconds
    }
}

/// The items of one poll of one feed.
public struct IngestBatch: Sendable {
    public var feedID: Int64
    public var feedName: String
    public var items: [IngestItem]
    /// The sinks each alert rule delivers to: an outbox row per sink is committed
    /// with every alert raised.
    public var sinksByRule: [String: [String]]
    /// Rules with `scope = "story"`, read with the story each new item joins.
    public var storyRules: StoryRuleEvaluator?
    /// Rules with a `throttle`: at most this many alerts sent an hour; the rest
    /// are stored folded, for the hour's digest (`Archive.makeDigests`).
    public var throttles: [String: Int]
    /// The identities of every item the document lists, the unchanged ones that
    /// `Archive.prepare` drops included (see `IngestWriter.sameArticleUnderOldID`).
    public let listed: Set<String>

    public init(
        feedID: Int64, feedName: String, items: [IngestItem], sinksByRule: [String: [String]] = [:],
        storyRules: StoryRuleEvaluator? = nil, throttles: [String: Int] = [:]
    ) {
        self.throttles = throttles
        self.feedID = feedID
        self.feedName = feedName
        self.items = items
        self.listed = Set(items.map(\.identity))
        self.sinksByRule = sinksByRule
        self.storyRules = storyRules
    }
}

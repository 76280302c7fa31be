import Foundation
import Logging
import WirewatchArchive
import WirewatchConfig
import WirewatchCore
import WirewatchDedup
import WirewatchFetch
import WirewatchParse

/// One pass of the pipeline for one feed: fetch → parse → dedup → tag/match →
/// store (items and their alerts in one transaction). Delivery is the caller's:
/// alerts come back already committed.
///
/// Every failure is caught here and returned as the outcome's `error`, so one
/// broken feed never stops the others.
struct FeedPoller: Sendable {
    let fetcher: Fetcher
    let parser: FeedParser
    let archive: Archive
    let queue: IngestQueue
    let rules: RuleBook
    /// The sinks of each alert rule, committed with each alert as outbox rows.
    let sinksByRule: [String: [String]]
    /// The last clean document of each feed (shared by the pollers of every config).
    let bodies: UnchangedBodies
    let logger: Logger

    /// - Parameters:
    ///   - machine: the feed's scheduling rules; the poll's result goes through it
    ///     and the new state (next due, health, moved URL) is persisted.
    ///   - known: the feed's state if the caller has just read it; else read here.
    func poll(_ feed: FeedConfig, feedID: Int64, machine: FeedStateMachine, state known: FeedPollState? = nil) async -> PollOutcome {
        var state = known ?? (try? archive.pollState(feedID: feedID)) ?? FeedPollState()
        // A confirmed permanent redirect: poll where the feed lives now.
        let source = state.currentURL.map(FeedSource.http) ?? feed.source
        let validators = FetchValidators(etag: state.etag, lastModified: state.lastModified)
        var (outcome, result, record) = await fetchAndIngest(feed, feedID: feedID, source: source, validators: validators)
        let failingBefore = state.firstFailureAt
        outcome.healthChange = machine.apply(result, to: &state, now: Date(), draw: Double.random(in: 0..<1))
        outcome.failingSince = state.firstFailureAt
        if outcome.error == nil, state.firstFailureAt == nil { outcome.recoveredFrom = failingBefore }
        outcome.nextDue = state.nextDue
        outcome.health = state.health
        do {
            // The fetch log row and the new schedule, in the writer's next group.
            try await queue.record(record, state: state)
        } catch {
            logger.warning("could not save the schedule: \(error)", metadata: ["feed": "\(feed.name)"])
        }
        return outcome
    }

    private func fetchAndIngest(
        _ feed: FeedConfig, feedID: Int64, source: FeedSource, validators: FetchValidators
    ) async -> (PollOutcome, PollResult, FetchRecord) {
        let clock = ContinuousClock()
        let started = clock.now
        let startedAt = Date()
        var outcome = PollOutcome(
            feed: feed.name, status: nil, items: 0, newItems: 0, alerts: [], error: nil, warning: nil, duration: 0
        )
        var record = FetchRecord(feedID: feedID, at: startedAt, status: nil, error: nil)
        var result = PollResult.failed(error: "not polled", retryAfter: nil)
        var fetched = PollResult.Fetched()
        do {
            var response = try await fetcher.fetch(source, validators: validators)
            outcome.status = response.status
            record.status = response.status
            record.etag = response.etag
            record.lastModified = response.lastModified
            fetched.freshUntil = response.freshUntil
            fetched.permanentTarget = response.permanentTarget
            // Not modified: nothing to parse, nothing new.
            if response.isNotModified {
                outcome.duration = (clock.now - started).seconds
                record.duration = outcome.duration
                result = .fetched(fetched)
                return (outcome, result, record)
            }

            // The same bytes as the last clean poll (a server without validators):
            // nothing to parse, nothing new, as for a 304.
            let digest = UnchangedBodies.digest(response.body)
            if let items = bodies.items(feedID: feedID, ifDigest: digest) {
                outcome.items = items
                outcome.unchangedBody = true
                record.items = items
                outcome.duration = (clock.now - started).seconds
                record.duration = outcome.duration
                result = .fetched(fetched)
                return (outcome, result, record)
            }
            bodies.forget(feedID: feedID)

            // A gzip stream (a .gz file served as it is, or compressed twice) is no
            // feed; the parser would only say the document is empty.
            if response.body.starts(with: [0x1F, 0x8B]) {
                throw PollError.unreadable(
                    "the body is gzip-compressed data the server did not announce as Content-Encoding (a .gz file, or compressed twice)"
                )
            }
            let parsed = parser.parse(
                response.body, context: ParseContext(url: Self.documentURL(response.finalURL), headers: response.headers)
            )
            if parsed.version.isEmpty && parsed.items.isEmpty, let page = WebPage(response.body) {
                throw PollError.unreadable(page.reason)
            }
            // The document is read: free it now, not when the poll ends (it would wait
            // for the archive's writer with the parsed items, 64 polls at a time).
            response.body = []
            // Any other document of no known format with nothing in it is a failing
            // feed too, not a quiet one.
            if parsed.version.isEmpty && parsed.items.isEmpty && !parsed.isMalformed {
                throw PollError.unreadable("no RSS, Atom or JSON Feed in the document (a web page?)")
            }
            if parsed.isMalformed {
                let reason = parsed.problem ?? "not well-formed"
                if parsed.items.isEmpty { throw PollError.unreadable(reason) }
                outcome.warning = "malformed feed, \(parsed.items.count) items recovered: \(reason)"
            }
            record.title = parsed.feed.title
            record.link = parsed.feed.link

            // Items the feed lists again unchanged leave first (one indexed read),
            // so only new and edited items are read by the rules.
            var batch = IngestBatch(
                feedID: feedID, feedName: feed.name,
                items: zip(parsed.items, ItemIdentity.of(parsed.items)).map { item, identity in
                    IngestItem(identity: identity.key, item: item, tags: [], alertRules: [])
                },
                sinksByRule: sinksByRule, storyRules: rules.storyEvaluator(feed: feed.name), throttles: rules.throttles
            )
            batch = (try? archive.prepare(batch)) ?? batch
            for index in batch.items.indices {
                let (tags, alerts, onUpdate) = rules.evaluate(batch.items[index].item, feed: feed)
                batch.items[index].tags = tags
                batch.items[index].alertRules = alerts
                batch.items[index].updateAlertRules = onUpdate
                batch.items[index].eachSourceRules = rules.eachSource
            }
            let ingested = try await queue.ingest(batch, prepared: true)
            outcome.items = parsed.items.count
            outcome.newItems = ingested.newItems
            outcome.alerts = ingested.alerts
            fetched.newItems = ingested.newItems
            fetched.info = parsed.feed
            fetched.itemDates = parsed.items.compactMap { $0.published ?? $0.updated }
            result = .fetched(fetched)
            if !parsed.isMalformed { bodies.remember(feedID: feedID, digest: digest, items: parsed.items.count) }
        } catch let error as FetchError {
            outcome.error = error.description
            record.status = error.status
            if case .gone = error {
                result = .gone("\(error.description); not polled again until its url changes in the config or `wirewatch enable \(feed.name)`")
            } else {
                result = .failed(error: error.description, retryAfter: error.retryAfter)
            }
        } catch {
            outcome.error = "\(error)"
            result = .failed(error: "\(error)", retryAfter: nil)
        }
        outcome.duration = (clock.now - started).seconds
        record.error = outcome.error
        record.items = outcome.items
        record.newItems = outcome.newItems
        record.duration = outcome.duration
        return (outcome, result, record)
    }

    /// The parser resolves relative links against the document's URL; a local file has none worth using.
    static func documentURL(_ finalURL: String) -> String? {
        finalURL.hasPrefix("file://") ? nil : finalURL
    }
}

enum PollError: Error, CustomStringConvertible {
    case unreadable(String)

    var description: String {
        switch self {
        case .unreadable(let reason): "not a readable feed: \(reason)"
        }
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

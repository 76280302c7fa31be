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
    let logger: Logger

    func poll(_ feed: FeedConfig, feedID: Int64) async -> PollOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        let startedAt = Date()
        var outcome = PollOutcome(
            feed: feed.name, status: nil, items: 0, newItems: 0, alerts: [], error: nil, warning: nil, duration: 0
        )
        var record = FetchRecord(feedID: feedID, at: startedAt, status: nil, error: nil)
        defer {
            // Best effort: failing to log a fetch must not hide the poll's own result.
            record.duration = outcome.duration
            try? archive.recordFetch(record)
        }
        do {
            let stored = try? archive.validators(feedID: feedID)
            let validators = FetchValidators(etag: stored?.etag, lastModified: stored?.lastModified)
            let response = try await fetcher.fetch(feed.source, validators: validators)
            outcome.status = response.status
            record.status = response.status
            record.etag = response.etag
            record.lastModified = response.lastModified
            // Not modified: nothing to parse, nothing new.
            if response.isNotModified {
                outcome.duration = (clock.now - started).seconds
                return outcome
            }

            let parsed = parser.parse(
                response.body, context: ParseContext(url: Self.documentURL(response.finalURL), headers: response.headers)
            )
            if parsed.isMalformed {
                let reason = parsed.problem ?? "not well-formed"
                if parsed.items.isEmpty { throw PollError.unreadable(reason) }
                outcome.warning = "malformed feed, \(parsed.items.count) items recovered: \(reason)"
            }
            record.title = parsed.feed.title
            record.link = parsed.feed.link

            let batch = parsed.items.map { item in
                let (tags, alerts, onUpdate) = rules.evaluate(item, feed: feed)
                var entry = IngestItem(
                    identity: ItemIdentity(of: item).key, item: item, tags: tags,
                    alertRules: alerts, updateAlertRules: onUpdate
                )
                entry.eachSourceRules = rules.eachSource
                return entry
            }
            let result = try await queue.ingest(
                IngestBatch(
                    feedID: feedID, feedName: feed.name, items: batch, sinksByRule: sinksByRule,
                    storyRules: rules.storyEvaluator(feed: feed.name), throttles: rules.throttles
                )
            )
            outcome.items = batch.count
            outcome.newItems = result.newItems
            outcome.alerts = result.alerts
        } catch let error as FetchError {
            outcome.error = error.description
            record.status = error.status
        } catch {
            outcome.error = "\(error)"
        }
        outcome.duration = (clock.now - started).seconds
        record.error = outcome.error
        record.items = outcome.items
        record.newItems = outcome.newItems
        return outcome
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

import Foundation
import Logging
import WirewatchArchive
import WirewatchConfig
import WirewatchCore
import WirewatchRules

/// `[[alert]] on = "feed-health"`: a feed failing for longer than the rule's
/// `failing_for`, gone (410), moved for good, and recovered after a failure the
/// rule reported. Each is raised once per rule, feed and episode (the archive
/// keeps which), committed with its deliveries like any alert; the rule's
/// `match`, if any, reads the feed (`feed:`, `tag:` and the event's words).
extension Daemon {
    func raiseHealthAlerts(_ outcome: PollOutcome, now: Date = Date()) {
        // Called for every poll: a healthy feed with nothing to report costs nothing more.
        guard outcome.healthChange != nil || outcome.failingSince != nil || outcome.recoveredFrom != nil else { return }
        let (config, sinksByRule) = live.withLock { ($0.config, $0.sinksByRule) }
        let rules = config.alertRules.filter { $0.event == .feedHealth }
        guard !rules.isEmpty else { return }
        // Looked up only now that there may be something to report.
        lazy var tags = config.feeds.first { $0.name == outcome.feed }?.tags ?? []
        for rule in rules {
            for event in Self.healthEvents(outcome, rule: rule, now: now, hasAlerted: { state, since in
                (try? archive.hasHealthAlert(rule: rule.name, feed: outcome.feed, state: state, since: since)) ?? false
            }) {
                let document = RuleDocument(
                    title: event.title, content: event.detail ?? "", feed: outcome.feed,
                    link: event.link ?? "", tags: tags
                )
                guard rule.query.matches(document) else { continue }
                do {
                    if let alert = try archive.raiseHealthAlert(rule: rule.name, event: event, sinks: sinksByRule[rule.name] ?? []) {
                        logger.info("feed-health alert", metadata: ["rule": "\(rule.name)", "feed": "\(alert.feed)", "state": "\(event.state)"])
                    }
                } catch {
                    logger.error("feed-health alert: \(error)", metadata: ["rule": "\(rule.name)", "feed": "\(outcome.feed)"])
                }
            }
        }
    }

    /// The events of one poll for one rule. `hasAlerted(state, since)` says whether
    /// the rule reported an earlier episode (a recovery is news only then).
    static func healthEvents(
        _ outcome: PollOutcome, rule: RuleConfig, now: Date, hasAlerted: (String, Date) -> Bool
    ) -> [HealthEvent] {
        var events: [HealthEvent] = []
        let name = outcome.feed
        if let change = outcome.healthChange {
            switch change.to {
            case .gone:
                events.append(HealthEvent(feed: name, state: "gone", since: change.at,
                                          title: "feed \(name) is gone: \(change.detail)", detail: change.detail))
            case .moved where change.from != .failing && change.from != .gone:
                // (From failing or gone, a moved feed is recovering, not moving.)
                events.append(HealthEvent(feed: name, state: "moved", since: change.at,
                                          title: "feed \(name): \(change.detail)", detail: change.detail))
            default:
                break
            }
        }
        if let since = outcome.failingSince, let error = outcome.error, outcome.health != .gone,
           now.timeIntervalSince(since) >= rule.failingFor.seconds {
            let hours = now.timeIntervalSince(since) / 3600
            let span = hours < 48 ? "\(Int(hours.rounded(.down))) h" : "\(Int(hours / 24)) days"
            events.append(HealthEvent(feed: name, state: "failing", since: since,
                                      title: "feed \(name) failing for \(span): \(error)", detail: error))
        }
        if let since = outcome.recoveredFrom, hasAlerted("failing", since) {
            events.append(HealthEvent(feed: name, state: "recovered", since: since,
                                      title: "feed \(name) polled successfully again", detail: nil))
        }
        return events
    }
}

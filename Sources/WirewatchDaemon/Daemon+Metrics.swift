import CoreMetrics
import WirewatchArchive

/// Every metric the daemon emits, through swift-metrics with the daemon's own
/// Prometheus factory (see ``DaemonMetrics``):
///
/// | metric | type | labels |
/// |---|---|---|
/// | `wirewatch_polls_total` | counter | `result`: ok, not_modified, error |
/// | `wirewatch_items_ingested_total` | counter | items seen in fetched feeds |
/// | `wirewatch_new_items_total` | counter | items new to the archive |
/// | `wirewatch_alerts_total` | counter | alerts raised |
/// | `wirewatch_poll_duration_seconds` | histogram | one poll: fetch, parse, commit |
/// | `wirewatch_feeds` | gauge | `state`: ok, failing, unpolled, disabled |
/// | `wirewatch_deliveries` | gauge | `sink`, `result`: delivered, owed, given_up (from the archive's outbox) |
/// | `wirewatch_delivery_failures` | gauge | `sink`: failed attempts, retried or not |
/// | `wirewatch_outbox_owed` | gauge | deliveries not yet made (due, retrying or held by quiet hours) |
///
/// Counters count from the daemon's start; the gauges are read when scraped.
extension Daemon {
    /// Turns metrics on for this daemon (`run` with `[metrics]` in the config).
    public func attachMetrics(_ metrics: DaemonMetrics) {
        metricsSlot.set(metrics)
    }

    /// Records one finished poll; called once per outcome, after its delivery.
    func recordMetrics(_ outcome: PollOutcome) {
        guard let metrics = metricsSlot.current else { return }
        let factory = metrics.factory
        let result: DaemonMetrics.PollResult =
            if outcome.failed { .error } else if outcome.status == 304 || outcome.unchangedBody { .notModified } else { .ok }
        Counter(label: "wirewatch_polls_total", dimensions: [("result", result.rawValue)], factory: factory).increment()
        Counter(label: "wirewatch_items_ingested_total", factory: factory).increment(by: outcome.items)
        Counter(label: "wirewatch_new_items_total", factory: factory).increment(by: outcome.newItems)
        Counter(label: "wirewatch_alerts_total", factory: factory).increment(by: outcome.alerts.count)
        Timer(label: DaemonMetrics.pollDuration, factory: factory).recordSeconds(outcome.duration)
        metrics.lastResults.withLock { $0[outcome.feed] = result }
    }

    /// Sets the gauges from the config, the last poll results and the archive's outbox;
    /// the metrics endpoint calls it before each scrape.
    public func refreshMetricGauges() {
        guard let metrics = metricsSlot.current else { return }
        let factory = metrics.factory
        var seen: Set<[String]> = []
        func gauge(_ label: String, _ dimensions: [(String, String)], _ value: Int) {
            Gauge(label: label, dimensions: dimensions, factory: factory).record(value)
            seen.insert([label] + dimensions.flatMap { [$0.0, $0.1] })
        }

        let results = metrics.lastResults.withLock { $0 }
        var states = ["ok": 0, "failing": 0, "unpolled": 0, "disabled": 0]
        for feed in config.feeds {
            let state =
                if !feed.enabled { "disabled" }
                else {
                    switch results[feed.name] {
                    case nil: "unpolled"
                    case .error?: "failing"
                    case .ok?, .notModified?: "ok"
                    }
                }
            states[state, default: 0] += 1
        }
        for (state, count) in states { gauge("wirewatch_feeds", [("state", state)], count) }

        let counts = (try? archive.deliveryCounts()) ?? []
        var owed = 0
        var failures: [String: Int] = [:]
        for count in counts {
            gauge("wirewatch_deliveries", [("sink", count.sink), ("result", count.state.rawValue)], count.count)
            failures[count.sink, default: 0] += count.failedAttempts
            if count.state == .owed { owed += count.count }
        }
        for (sink, failed) in failures { gauge("wirewatch_delivery_failures", [("sink", sink)], failed) }
        gauge("wirewatch_outbox_owed", [], owed)

        // A label set seen before but not now (a sink's last owed delivery went out) reads 0.
        let stale = metrics.gaugeLabels.withLock { previous in
            defer { previous = seen }
            return previous.subtracting(seen)
        }
        for labels in stale {
            let dimensions = stride(from: 1, to: labels.count, by: 2).map { (labels[$0], labels[$0 + 1]) }
            Gauge(label: labels[0], dimensions: dimensions, factory: factory).record(0)
        }
    }
}

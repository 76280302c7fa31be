import CoreMetrics
import Prometheus
import Synchronization

/// The daemon's Prometheus metrics: a registry of its own and the swift-metrics factory
/// over it, passed explicitly rather than through `MetricsSystem.bootstrap`, which can
/// run once per process: tests make as many daemons and registries as they like, and
/// every metric stays in the registry of the daemon that recorded it.
public final class DaemonMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let factory: PrometheusMetricsFactory
    /// Each feed's last poll result in this process, for the feeds-by-state gauge.
    let lastResults = Mutex<[String: PollResult]>([:])
    /// Gauge label sets set at a previous scrape, so that vanished ones are zeroed.
    let gaugeLabels = Mutex<Set<[String]>>([])

    enum PollResult: String, Sendable {
        case ok
        case notModified = "not_modified"
        case error
    }

    static let pollDuration = "wirewatch_poll_duration_seconds"

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        // Polls run from milliseconds (a 304) to the fetch timeout (30 s by default).
        factory.durationHistogramBuckets[Self.pollDuration] = [
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
        ]
        self.factory = factory
    }

    /// The metrics in Prometheus's text format (version 0.0.4).
    public func render() -> [UInt8] {
        registry.emitToBuffer()
    }
}

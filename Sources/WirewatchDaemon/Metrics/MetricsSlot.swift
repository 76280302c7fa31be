import Synchronization

/// Where a daemon keeps its metrics, if it has any: set once at start-up by `run` when
/// the config has `[metrics]`; empty in tests that do not ask for metrics.
final class MetricsSlot: Sendable {
    private let metrics = Mutex<DaemonMetrics?>(nil)

    var current: DaemonMetrics? { metrics.withLock { $0 } }

    func set(_ value: DaemonMetrics) {
        metrics.withLock { $0 = value }
    }
}

import ArgumentParser
import Logging
import WirewatchConfig
import WirewatchDaemon

/// `[metrics]` at start-up: the daemon's registry and the `/metrics` listener. The
/// listen address is read once; a reload (SIGHUP) does not move it (restart for that).
enum MetricsStartup {
    static func start(_ settings: MetricsSettings?, daemon: Daemon, logger: Logger) async throws -> MetricsServer? {
        guard let settings else { return nil }
        let metrics = DaemonMetrics()
        daemon.attachMetrics(metrics)
        do {
            let server = try await MetricsServer.start(
                host: settings.host, port: settings.port,
                beforeScrape: { daemon.refreshMetricGauges() },
                render: { metrics.render() }
            )
            logger.info("metrics at http://\(settings.listen)/metrics")
            return server
        } catch {
            logger.critical("metrics: cannot listen on \(settings.listen): \(error)")
            await daemon.shutdown()
            throw ExitCode.failure
        }
    }
}

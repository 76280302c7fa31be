extension ConfigValidator {
    /// `[metrics]`: absent, no metrics; present, served on `listen` (default 127.0.0.1:9464).
    mutating func metricsSettings(_ root: TableReader) -> MetricsSettings? {
        guard let metrics = section("metrics", of: root) else { return nil }
        metrics.checkKeys(["listen"], &diagnostics)
        guard let listen = metrics.string("listen", &diagnostics) else {
            return metrics.value("listen") == nil ? MetricsSettings() : nil
        }
        switch MetricsSettings.parse(listen) {
        case .success(let settings):
            return settings
        case .failure(let error):
            diagnostics.error(metrics.message("listen", "\"\(listen)\": \(error.reason)"), line: metrics.line(of: "listen"))
            return nil
        }
    }
}

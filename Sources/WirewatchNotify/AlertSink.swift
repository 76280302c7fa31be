import WirewatchCore

/// Somewhere an alert is delivered: the terminal, the alert log, later a webhook…
/// Delivery happens after the alert is committed to the archive.
public protocol AlertSink: Sendable {
    var name: String { get }
    func deliver(_ alert: Alert) async throws
}

import WirewatchCore

/// Somewhere an alert is delivered: the terminal, the alert log, later a webhook…
/// Delivery happens after the alert is committed to the archive.
public protocol AlertSink: Sendable {
    var name: String { get }
    /// A sink that writes locally (standard output, a file): a delivery costs
    /// less than committing its record, so the daemon records them in batches.
    /// After a crash, at most one batch of such lines may be written again.
    var isLocal: Bool { get }
    func deliver(_ alert: Alert) async throws
}

extension AlertSink {
    public var isLocal: Bool { false }
}

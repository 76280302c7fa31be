import WirewatchCore

/// A sink with a fixed name (the terminal, the alert log) under its configured name,
/// its errors classified as `DeliveryError` like every other sink's.
struct RenamedSink: AlertSink {
    let name: String
    let base: any AlertSink
    var isLocal: Bool { base.isLocal }

    func deliver(_ alert: Alert) async throws(DeliveryError) {
        do {
            try await base.deliver(alert)
        } catch {
            throw DeliveryError.classify(error, sink: name)
        }
    }
}

import Foundation
import WirewatchCore

/// Appends each alert as one `AlertLine.json` line to a file, for scripts and log
/// shippers. Delivery is at least once, so after a crash a line can appear twice;
/// readers drop repeats by `id`.
public struct JSONLSink: AlertSink {
    public var isLocal: Bool { true }
    public let name: String
    public let options: JSONLOptions

    public init(name: String = "jsonl", options: JSONLOptions) {
        self.name = name
        self.options = options
    }

    public func deliver(_ alert: Alert) async throws(DeliveryError) {
        let line = AlertLine.json(alert) + "\n"
        do {
            // One write with O_APPEND, as for the alert log: lines never interleave.
            try AlertLogSink.append(Data(line.utf8), to: options.path)
        } catch {
            // Disk full, a directory not there yet, permissions: all fixable while the
            // alert waits in the outbox.
            let reason = (error as? AlertLogError)?.reason ?? "\(error)"
            throw .retryable(sink: name, reason: "cannot append to \(options.path): \(reason)")
        }
    }
}

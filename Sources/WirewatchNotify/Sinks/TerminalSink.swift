import Foundation
import WirewatchCore

/// Prints each alert as one line on standard output (what `wirewatch run` shows).
public struct TerminalSink: AlertSink {
    public var isLocal: Bool { true }
    public let name = "terminal"

    public init() {}

    public func deliver(_ alert: Alert) async throws {
        let line = AlertLine.block(alert) + "\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}

import Foundation
import WirewatchCore

/// Shows each alert as a desktop notification with `notify-send` (argv, no shell):
/// the item's title as the summary, feed, rule and link as the body.
///
/// Text is sanitized as for the terminal, and the body's `&`, `<`, `>` escaped:
/// notification servers read the body as simple markup, and a feed must not be able
/// to add links or formatting of its own.
public struct DesktopSink: AlertSink {
    public let name: String
    public let options: DesktopOptions

    public init(name: String = "desktop", options: DesktopOptions = DesktopOptions()) {
        self.name = name
        self.options = options
    }

    public func deliver(_ alert: Alert) async throws(DeliveryError) {
        guard !options.command.isEmpty else { throw .permanent(sink: name, reason: "no command configured") }
        let child = ChildProcess(
            arguments: arguments(for: alert),
            environment: AlertEnvironment.merged(
                extra: options.environment, alertVariables: ["WIREWATCH_ALERT_ID": IdempotencyKey.make(for: alert)]
            ),
            input: [],
            timeout: options.timeout
        )
        try await CommandDelivery.run(child, sink: name, retryableExitCodes: [])
    }

    func arguments(for alert: Alert) -> [String] {
        var arguments = options.command + ["--app-name=" + TerminalText.sanitize(options.appName)]
        if let urgency = options.urgency { arguments.append("--urgency=" + TerminalText.sanitize(urgency)) }
        if let expire = options.expireTime {
            let parts = expire.components
            arguments.append("--expire-time=\(parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)")
        }
        let summary = TerminalText.sanitize(alert.title.isEmpty ? "(untitled)" : alert.title)
        var body = "\(TerminalText.sanitize(alert.feed)) · \(TerminalText.sanitize(alert.rule))"
        if let link = alert.link, !link.isEmpty { body += "\n" + TerminalText.sanitize(link) }
        if let detail = alert.detail, !detail.isEmpty { body += "\n" + TerminalText.sanitizeLines(detail) }
        // "--" ends the options: a title starting with "-" is still the summary.
        return arguments + ["--", summary, Self.escapeMarkup(body)]
    }

    static func escapeMarkup(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}

import Foundation
import WirewatchCore

/// The environment of a sink's command: the daemon's own (PATH, HOME, the D-Bus
/// session for notify-send…), the sink's `environment` setting, then the alert.
enum AlertEnvironment {
    /// `WIREWATCH_ALERT_ID` (the idempotency key), `WIREWATCH_KIND`, `WIREWATCH_RULE`, `_FEED`, `_TITLE`,
    /// `_LINK` (empty when none) and `_TIME` (ISO 8601 UTC). Feed text is sanitized to
    /// one line without control characters, as on a terminal: a script that echoes
    /// `$WIREWATCH_TITLE` must not be handed escape sequences. The exact text is in
    /// the JSON on stdin. Each value is cut to `valueLimit` characters: Linux refuses
    /// to start a program with a variable over 128 KiB (E2BIG), and a feed decides
    /// how long its titles are.
    static func variables(for alert: Alert) -> [String: String] {
        func text(_ value: String) -> String {
            let clean = TerminalText.sanitize(value)
            return clean.count > valueLimit ? String(clean.prefix(valueLimit - 1)) + "…" : clean
        }
        return [
            "WIREWATCH_ALERT_ID": IdempotencyKey.make(for: alert),
            "WIREWATCH_RULE": text(alert.rule),
            "WIREWATCH_FEED": text(alert.feed),
            "WIREWATCH_TITLE": text(alert.title),
            "WIREWATCH_LINK": text(alert.link ?? ""),
            "WIREWATCH_TIME": ISO8601.string(alert.time),
            "WIREWATCH_KIND": alert.kind.rawValue,
        ]
    }

    static let valueLimit = 8192

    /// The inherited environment with `extra` and then `alertVariables` on top (an
    /// inherited or configured `WIREWATCH_*` never hides the alert's).
    static func merged(extra: [String: String], alertVariables: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.merge(extra) { _, new in new }
        environment.merge(alertVariables) { _, new in new }
        return environment.filter { !$0.key.isEmpty && !$0.key.contains("=") && !$0.key.contains("\0") && !$0.value.contains("\0") }
    }
}

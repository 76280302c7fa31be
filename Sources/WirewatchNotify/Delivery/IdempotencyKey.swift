import WirewatchCore

/// The id sent with every delivery of an alert, so a receiver can drop a repeat.
///
/// Delivery is at least once: a crash after the receiver got the alert but before the
/// outbox recorded success means the alert is sent again after the restart. The key
/// is `"wirewatch-alert-<archive id>"`: the archive id never changes once the alert is
/// committed (and alerts are only delivered after that), so every attempt carries the
/// same key. It goes out as the `Idempotency-Key` header (webhook, ntfy) and as
/// `WIREWATCH_ALERT_ID` in a command's environment (exec, email).
public enum IdempotencyKey {
    public static let prefix = "wirewatch-alert-"

    public static func make(for alert: Alert) -> String { prefix + String(alert.id) }
}

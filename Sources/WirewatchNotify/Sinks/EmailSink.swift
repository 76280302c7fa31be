import WirewatchCore

/// Mails each alert through a sendmail-compatible command (sendmail, msmtp, Postfix,
/// exim…): the message on stdin, `WIREWATCH_ALERT_ID` in the environment. Exit 75
/// (EX_TEMPFAIL) is retried; see `EmailMessage` for the message itself.
public struct EmailSink: AlertSink {
    public let name: String
    public let options: EmailOptions

    public init(name: String = "email", options: EmailOptions) {
        self.name = name
        self.options = options
    }

    public func deliver(_ alert: Alert) async throws(DeliveryError) {
        guard !options.command.isEmpty else { throw .permanent(sink: name, reason: "no mail command configured") }
        guard !options.to.isEmpty else { throw .permanent(sink: name, reason: "no recipients configured") }
        let child = ChildProcess(
            arguments: options.command,
            environment: AlertEnvironment.merged(
                extra: options.environment, alertVariables: ["WIREWATCH_ALERT_ID": IdempotencyKey.make(for: alert)]
            ),
            input: Array(EmailMessage.render(alert, options: options).utf8),
            timeout: options.timeout
        )
        try await CommandDelivery.run(child, sink: name, retryableExitCodes: options.retryableExitCodes)
    }
}

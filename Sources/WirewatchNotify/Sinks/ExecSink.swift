import WirewatchCore

/// Runs a command for each alert: argv without a shell, the alert JSON (one line) on
/// stdin, `WIREWATCH_*` variables in the environment, a timeout.
///
/// No shell, ever: titles and links come from feeds anyone can publish, and a title
/// like `$(rm -rf ~)` must stay text. A script that wants a shell is named as the
/// command and reads the alert from stdin or the environment.
///
/// Exit 0 is success; 75 (EX_TEMPFAIL) asks for a retry; other statuses are permanent
/// failures reported with the last line of stderr.
public struct ExecSink: AlertSink {
    public let name: String
    public let options: ExecOptions

    public init(name: String = "exec", options: ExecOptions) {
        self.name = name
        self.options = options
    }

    public func deliver(_ alert: Alert) async throws(DeliveryError) {
        guard !options.command.isEmpty else { throw .permanent(sink: name, reason: "no command configured") }
        let child = ChildProcess(
            arguments: options.command,
            environment: AlertEnvironment.merged(
                extra: options.environment, alertVariables: AlertEnvironment.variables(for: alert)
            ),
            input: Array((AlertLine.json(alert) + "\n").utf8),
            timeout: options.timeout
        )
        try await CommandDelivery.run(child, sink: name, retryableExitCodes: options.retryableExitCodes)
    }
}

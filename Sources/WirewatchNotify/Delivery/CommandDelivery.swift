/// Runs a sink's command (exec, email, desktop) and turns how it ended into success
/// or a `DeliveryError`.
enum CommandDelivery {
    /// Exit status 0 is success; one of `retryableExitCodes` (by default 75,
    /// EX_TEMPFAIL from sysexits.h, what sendmail and mail tools use for "try later")
    /// is retryable, as are a timeout and a kill by signal; any other status is
    /// permanent: the command says it failed, and would fail again.
    static func run(_ child: ChildProcess, sink: String, retryableExitCodes: Set<Int32>) async throws(DeliveryError) {
        let command = HeaderText.sanitize(child.arguments.first ?? "", limit: 120)
        let outcome: ChildOutcome
        do throws(ChildSpawnError) {
            outcome = try await child.run()
        } catch {
            switch error {
            case .notFound: throw .permanent(sink: sink, reason: "command not found: \(command)")
            case .notExecutable(_, let reason): throw .permanent(sink: sink, reason: "cannot run \(command): \(reason)")
            case .failed(_, let reason): throw .retryable(sink: sink, reason: "cannot start \(command): \(reason)")
            }
        }
        if let error = error(for: outcome, command: command, sink: sink, retryableExitCodes: retryableExitCodes) {
            throw error
        }
    }

    static func error(
        for outcome: ChildOutcome, command: String, sink: String, retryableExitCodes: Set<Int32>
    ) -> DeliveryError? {
        let detail = outcome.lastErrorLine.isEmpty ? "" : ": \(outcome.lastErrorLine)"
        switch outcome.termination {
        case .exited(0):
            return nil
        case .exited(let code) where retryableExitCodes.contains(code):
            let name = code == 75 ? " (EX_TEMPFAIL)" : ""
            return .retryable(sink: sink, reason: "\(command) exited with status \(code)\(name)\(detail)")
        case .exited(let code):
            return .permanent(sink: sink, reason: "\(command) exited with status \(code)\(detail)")
        case .signaled(let signal):
            return .retryable(sink: sink, reason: "\(command) was killed by signal \(signal)\(detail)")
        case .timedOut:
            return .retryable(sink: sink, reason: "\(command) timed out and was killed\(detail)")
        case .cancelled:
            return .retryable(sink: sink, reason: "\(command) was stopped: delivery cancelled")
        case .statusLost:
            return .retryable(sink: sink, reason: "\(command) ended, but its exit status was lost")
        }
    }
}

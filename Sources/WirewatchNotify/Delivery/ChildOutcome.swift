/// How a command run by a sink (exec, email, desktop) ended.
struct ChildOutcome: Sendable, Equatable {
    enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// Still running at the timeout; it was sent SIGTERM, then SIGKILL.
        case timedOut
        /// The delivering task was cancelled (shutdown); the command was killed the same way.
        case cancelled
        /// Gone, but its exit status was reaped elsewhere (SIGCHLD ignored by the process).
        case statusLost
    }

    var termination: Termination
    /// The last non-empty line the command wrote to stderr, sanitized: the error message.
    var lastErrorLine: String
}

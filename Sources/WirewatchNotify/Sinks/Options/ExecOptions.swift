/// Settings of an `exec` sink: a command run once per alert.
public struct ExecOptions: Sendable, Hashable {
    /// argv: the program (looked up on PATH unless it has a slash) and its arguments.
    /// Never run through a shell, so feed text can never become shell syntax.
    public var command: [String]
    /// After this the command (and what it started) gets SIGTERM, then SIGKILL.
    public var timeout: Duration
    /// Added to the inherited environment (the WIREWATCH_* variables always win).
    public var environment: [String: String]
    /// Exit statuses that mean "try again later"; any other non-zero one is permanent.
    public var retryableExitCodes: Set<Int32>

    public init(
        command: [String], timeout: Duration = .seconds(30), environment: [String: String] = [:],
        retryableExitCodes: Set<Int32> = [75]
    ) {
        self.command = command
        self.timeout = timeout
        self.environment = environment
        self.retryableExitCodes = retryableExitCodes
    }
}

/// Settings of an `email` sink: a mail handed to a sendmail-compatible command.
public struct EmailOptions: Sendable, Hashable {
    /// Recipients (the `To:` header; `sendmail -t` reads them from there).
    public var to: [String]
    /// The `From:` header; nil lets the mail command fill it in (the daemon's user).
    public var from: String?
    /// `-t`: recipients from the headers. `-i`: a line holding only "." is text, not
    /// the end of the message (a feed could otherwise cut the mail short).
    public var command: [String]
    public var timeout: Duration
    /// Added to the inherited environment.
    public var environment: [String: String]
    /// 75 is EX_TEMPFAIL, sendmail's "queue it and try later".
    public var retryableExitCodes: Set<Int32>

    public init(
        to: [String], from: String? = nil, command: [String] = ["/usr/sbin/sendmail", "-t", "-i"],
        timeout: Duration = .seconds(30), environment: [String: String] = [:], retryableExitCodes: Set<Int32> = [75]
    ) {
        self.to = to
        self.from = from
        self.command = command
        self.timeout = timeout
        self.environment = environment
        self.retryableExitCodes = retryableExitCodes
    }
}

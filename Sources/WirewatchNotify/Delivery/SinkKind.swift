/// What a sink is, with its settings.
public enum SinkKind: Sendable, Hashable {
    /// stdout of `wirewatch run` (`TerminalSink`).
    case terminal
    /// The alert log file (`AlertLogSink`).
    case log(path: String)
    case jsonl(JSONLOptions)
    case exec(ExecOptions)
    case webhook(WebhookOptions)
    case ntfy(NtfyOptions)
    case email(EmailOptions)
    case desktop(DesktopOptions)

    /// The word used in the config file (`type = "webhook"`).
    public var typeName: String {
        switch self {
        case .terminal: "terminal"
        case .log: "log"
        case .jsonl: "jsonl"
        case .exec: "exec"
        case .webhook: "webhook"
        case .ntfy: "ntfy"
        case .email: "email"
        case .desktop: "desktop"
        }
    }
}

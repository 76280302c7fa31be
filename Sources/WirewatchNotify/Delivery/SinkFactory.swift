import AsyncHTTPClient

/// Builds the sink a `SinkConfig` describes. The sink's `name` is always the
/// config's name, so delivery records and errors match what rules refer to.
public enum SinkFactory {
    /// `httpClient` is the daemon's shared client (webhook, ntfy); sinks never shut it down.
    public static func make(_ config: SinkConfig, httpClient: HTTPClient) -> any AlertSink {
        let name = config.name
        switch config.kind {
        case .terminal: return RenamedSink(name: name, base: TerminalSink())
        case .log(let path): return RenamedSink(name: name, base: AlertLogSink(path: path))
        case .jsonl(let options): return JSONLSink(name: name, options: options)
        case .exec(let options): return ExecSink(name: name, options: options)
        case .webhook(let options): return WebhookSink(name: name, options: options, client: httpClient)
        case .ntfy(let options): return NtfySink(name: name, options: options, client: httpClient)
        case .email(let options): return EmailSink(name: name, options: options)
        case .desktop(let options): return DesktopSink(name: name, options: options)
        }
    }
}

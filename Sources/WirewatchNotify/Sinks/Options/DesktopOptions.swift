/// Settings of a `desktop` sink: a notification through `notify-send`.
public struct DesktopOptions: Sendable, Hashable {
    /// The program and any fixed leading arguments.
    public var command: [String]
    public var appName: String
    /// `low`, `normal` or `critical`; nil leaves notify-send's default.
    public var urgency: String?
    /// How long the notification stays up; nil leaves it to the notification server.
    public var expireTime: Duration?
    public var timeout: Duration
    /// Added to the inherited environment: a daemon started outside the desktop
    /// session may need `DBUS_SESSION_BUS_ADDRESS` or `DISPLAY` here.
    public var environment: [String: String]

    public init(
        command: [String] = ["notify-send"], appName: String = "Wirewatch", urgency: String? = nil,
        expireTime: Duration? = nil, timeout: Duration = .seconds(10), environment: [String: String] = [:]
    ) {
        self.command = command
        self.appName = appName
        self.urgency = urgency
        self.expireTime = expireTime
        self.timeout = timeout
        self.environment = environment
    }
}

import WirewatchNotify

/// Wirewatch's configuration: one TOML file.
///
/// ```toml
/// [archive]
/// path = "wirewatch.sqlite"      # the SQLite archive; default "wirewatch.sqlite"
/// keep = { max_age = "180d", max_items = 20000 }   # optional retention per feed; default: keep all
/// story_window = "30d"           # how far back copies of a new item are looked for; default "30d"
///
/// [notify]
/// log = "alerts.log"             # the alert log, one line per alert; default "alerts.log"
/// default = ["terminal", "log"]  # sinks of alert rules without `notify`
///
/// [[sink]]                       # where alerts can go besides "terminal" and "log"
/// name = "phone"
/// type = "ntfy"                  # jsonl (path), exec (command, timeout), webhook (url, headers, timeout),
/// url = "https://ntfy.sh/topic"  # ntfy (url, title, priority, tags, token, timeout), email (to, from,
///                                # command, timeout), desktop (command)
///
/// [poll]
/// interval = "15m"               # between two polls of a feed; default "15m", at least "1m"
/// min_interval = "5m"            # adaptive polling never goes below; default min("5m", interval)
/// max_interval = "4h"            # nor above (errors back off up to it); default max("4h", interval)
/// failing_after = "2d"           # failing that long: "failing", polled every max_interval; default "2d", at least "1h"
/// timeout = "30s"                # for one fetch; default "30s", at least "1s"
/// concurrency = 8                # feeds fetched at once; default 8, 1…256
/// per_host = 1                   # requests to one host at once; default 1, 1…16
/// host_delay = "1s"              # least time between two requests to one host; default "1s"
///
/// [[feed]]                       # any number, zero included
/// name = "wsws"                  # required, unique: letters, digits, - _ . (first a letter or digit)
/// url = "https://www.wsws.org/en/rss.xml"   # required: http(s)://, file://, or a path
/// tags = ["left", "us"]          # optional, array of names (same characters as feed names)
/// interval = "30m"               # optional, overrides [poll] interval
/// min_interval = "10m"           # optional, overrides [poll] min_interval
/// max_interval = "1d"            # optional, overrides [poll] max_interval
/// enabled = true                 # optional, default true
/// keep = { max_items = 5000 }    # optional, overrides [archive] keep for this feed
///
/// [[tag]]                        # a tag put on every item that matches
/// name = "ice"                   # required, unique among tags
/// match = 'ICE OR "Immigration and Customs Enforcement"'   # required, a query
///
/// [[alert]]                      # an alert raised for every NEW item that matches
/// name = "minneapolis-strike"    # required, unique among alerts
/// match = '"general strike" AND (Minneapolis OR "Twin Cities")'
/// on_update = false              # optional: also alert when a matching item is edited
/// each_source = false            # optional: alert for every outlet of a story, not only the first
/// notify = ["phone", "log"]      # optional: the sinks for this rule; default [notify] default
/// quiet_hours = "22:00-07:00"    # optional: local time when sinks other than terminal and log wait
///
/// [parse]                        # optional: limits on one feed document
/// max_size = "32MB"              # larger responses and files are refused (64KB…1GB)
/// max_depth = 256                # deeper nesting ends the parse, flagged malformed (8…256)
///
/// [metrics]                      # optional: Prometheus metrics at http://listen/metrics
/// listen = "127.0.0.1:9464"      # HOST:PORT ([::1]:9464 for IPv6); default "127.0.0.1:9464"
/// ```
///
/// Durations are strings of numbers with units `d`, `h`, `m`, `s`, largest first:
/// `"90s"`, `"15m"`, `"1h"`, `"1h30m"`, `"1d"`.
///
/// Paths (`archive.path`, `notify.log`, feed `url`s that are paths) are taken relative to the
/// folder of the config file, so a copied folder of config, samples and archive keeps
/// working. `file://` URLs must hold absolute paths. `~` is not expanded (a shell does
/// that, a config file is not a shell): `"~/x"` is a folder named `~` beside the config.
///
/// Any other key or table, a value of the wrong type and a bad value is an error with
/// the file and line; ``load(path:)`` reports all of them at once.
public struct Config: Sendable {
    /// Absolute path of the config file.
    public var file: String
    /// Its folder, against which relative paths resolve.
    public var directory: String
    /// `[archive] path`, absolute.
    public var archivePath: String
    /// `[notify] log`, absolute.
    public var alertLogPath: String
    public var poll: PollSettings
    public var feeds: [FeedConfig]
    /// The `[[tag]]` rules, in file order.
    public var tagRules: [RuleConfig]
    /// The `[[alert]]` rules, in file order.
    public var alertRules: [RuleConfig]
    /// `[archive] keep`: retention for every feed without its own.
    public var keep: KeepPolicy = .forever
    /// `[[sink]]`: where alerts can be delivered, besides "terminal" and "log".
    public var sinks: [SinkConfig] = []
    /// `[notify] default`: the sinks of alert rules that name none.
    public var defaultSinks: [String] = ["terminal", "log"]
    /// `[parse]`: the largest document and the deepest nesting read.
    public var parse = ParseLimits()
    /// `[metrics]`: where Prometheus metrics are served; nil (no `[metrics]`) for none.
    public var metrics: MetricsSettings?

    /// The sinks an alert rule's alerts go to.
    public func sinks(for rule: RuleConfig) -> [String] { rule.notify ?? defaultSinks }

    /// `[archive] story_window`.
    public var storyWindow: Duration = Config.defaultStoryWindow

    public static let defaultStoryWindow: Duration = .seconds(30 * 86_400)

    /// The retention of one feed: its own `keep`, else `[archive] keep`.
    public func keep(for feed: FeedConfig) -> KeepPolicy { feed.keep ?? keep }

    public static let defaultArchivePath = "wirewatch.sqlite"
    public static let defaultAlertLogPath = "alerts.log"

    public init(
        file: String, directory: String, archivePath: String, alertLogPath: String,
        poll: PollSettings = PollSettings(), feeds: [FeedConfig] = [],
        tagRules: [RuleConfig] = [], alertRules: [RuleConfig] = []
    ) {
        self.file = file
        self.directory = directory
        self.archivePath = archivePath
        self.alertLogPath = alertLogPath
        self.poll = poll
        self.feeds = feeds
        self.tagRules = tagRules
        self.alertRules = alertRules
    }
}

import AsyncHTTPClient
import Foundation
import Synchronization
import Logging
import WirewatchArchive
import WirewatchConfig
import WirewatchCore
import WirewatchFetch
import WirewatchNotify
import WirewatchParse

/// The long-running Wirewatch: the config's feeds, the archive, the shared HTTP
/// client and the alert sinks, polled once (`run --once`) or forever on each
/// feed's interval.
public final class Daemon: Sendable {
    public let archive: Archive
    let clients: FetchClients
    let logger: Logger
    /// Every sink by name; alerts reach them through the archive's outbox.
    let sinks: [String: any AlertSink]
    /// Injected sinks (tests) take every alert, whatever the rules say.
    let sinkOverride: [String]?
    let retry: RetryPolicy
    let outboxBusy = Mutex(false)
    let fetcher: Fetcher
    let queue: IngestQueue
    /// When a permanent redirect may change a feed's URL.
    let redirects: RedirectConfirmation
    /// Each feed's last clean document, kept across reloads.
    let bodies = UnchangedBodies()
    /// This process's hold on the archive: one `run` at a time.
    let lock: ArchiveLock

    /// What a config reload (SIGHUP) replaces; polls read it when they start.
    struct Live: Sendable {
        var config: Config
        var poller: FeedPoller
        var feedIDs: [String: Int64]
        var sinksByRule: [String: [String]]
        var quietHours: [String: QuietHours]
        /// Set by `reload`, taken by the polling loop to reschedule.
        var reloaded = false
    }

    let live: Mutex<Live>
    let metricsSlot = MetricsSlot()
    /// Each feed's last warning (a malformed feed's reason): logged at warning level
    /// when it appears or changes, at debug level while it repeats, so a feed that
    /// is always a little broken does not fill the journal at every poll.
    let lastWarnings = Mutex<[String: String]>([:])

    public var config: Config { live.withLock { $0.config } }
    var poller: FeedPoller { live.withLock { $0.poller } }
    var feedIDs: [String: Int64] { live.withLock { $0.feedIDs } }

    /// Opens the archive, registers the config's feeds and prepares the pipeline.
    /// `sinks` defaults to the terminal (stdout) and the config's alert log;
    /// `redirects` to 3 polls over a day (tests shorten it).
    public init(
        config: Config, sinks: [any AlertSink]? = nil, retry: RetryPolicy = RetryPolicy(),
        redirects: RedirectConfirmation = RedirectConfirmation(), logger: Logger
    ) throws(ArchiveError) {
        MemoryTrim.limitArenas()
        self.logger = logger
        self.redirects = redirects
        self.retry = retry
        lock = try ArchiveLock(archivePath: config.archivePath)
        archive = try Archive(path: config.archivePath, storyWindow: config.storyWindow.seconds)
        let feedIDs = try archive.registerFeeds(config.feeds.map { ($0.name, $0.url) })
        var settings = Fetcher.Settings()
        settings.timeout = config.poll.timeout
        settings.maxBodyBytes = config.parse.maxSize
        settings.politeness = HostGate.Limits(
            perHost: config.poll.perHost, minimumDelay: config.poll.hostDelay, global: config.poll.concurrency
        )
        clients = Fetcher.makeClients(settings: settings)
        for problem in clients.proxy.problems { logger.warning("proxy: \(problem)") }
        fetcher = Fetcher(clients: clients, settings: settings)
        queue = IngestQueue(archive: archive)
        if let sinks {
            self.sinks = Dictionary(sinks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            sinkOverride = sinks.map(\.name)
        } else {
            var table: [String: any AlertSink] = ["terminal": TerminalSink(), "log": AlertLogSink(path: config.alertLogPath)]
            for sink in config.sinks { table[sink.name] = SinkFactory.make(sink, httpClient: clients.direct) }
            self.sinks = table
            sinkOverride = nil
        }
        let sinksByRule = Self.sinksByRule(config, override: sinkOverride)
        let poller = FeedPoller(
            fetcher: fetcher, parser: Self.parser(config), archive: archive, queue: queue,
            rules: RuleBook(config: config), sinksByRule: sinksByRule, bodies: bodies, logger: logger
        )
        live = Mutex(Live(
            config: config, poller: poller, feedIDs: feedIDs, sinksByRule: sinksByRule, quietHours: Self.quietHours(config)
        ))
    }

    /// The parser with the config's `[parse]` limits.
    static func parser(_ config: Config) -> FeedParser {
        var options = ParseOptions()
        options.maxDocumentBytes = config.parse.maxSize
        options.maxDepth = config.parse.maxDepth
        return FeedParser(options: options)
    }

    static func quietHours(_ config: Config) -> [String: QuietHours] {
        var result: [String: QuietHours] = [:]
        for rule in config.alertRules { if let quiet = rule.quietHours { result[rule.name] = quiet } }
        return result
    }

    static func sinksByRule(_ config: Config, override: [String]?) -> [String: [String]] {
        Dictionary(config.alertRules.map { ($0.name, override ?? config.sinks(for: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Takes a new, already validated config (SIGHUP): new and changed feeds
    /// and rules apply from the next polls; polls in flight finish with the old
    /// ones. The archive, its path and story window, the HTTP clients (and so
    /// `[parse] max_size` for downloads) and the sinks stay as they were
    /// started (a restart changes those).
    public func reload(_ config: Config) throws(ArchiveError) {
        let feedIDs = try archive.registerFeeds(config.feeds.map { ($0.name, $0.url) })
        let sinksByRule = Self.sinksByRule(config, override: sinkOverride)
        let poller = FeedPoller(
            fetcher: fetcher, parser: Self.parser(config), archive: archive, queue: queue,
            rules: RuleBook(config: config), sinksByRule: sinksByRule, bodies: bodies, logger: logger
        )
        live.withLock {
            $0 = Live(
                config: config, poller: poller, feedIDs: feedIDs, sinksByRule: sinksByRule,
                quietHours: Self.quietHours(config), reloaded: true
            )
        }
        logger.info("config reloaded", metadata: ["feeds": "\(config.feeds.count)", "alert_rules": "\(config.alertRules.count)"])
    }

    /// Whether a reload happened since the last call.
    func takeReload() -> Bool {
        live.withLock { live in
            defer { live.reloaded = false }
            return live.reloaded
        }
    }

    /// Saves the story-key filter for the next start, lets the next `run` use
    /// the archive and closes the HTTP client; call once when done.
    public func shutdown() async {
        do {
            try archive.saveStoryFilter()
        } catch {
            logger.warning("\(error)")
        }
        lock.release()
        try? await clients.shutdown()
    }

    var enabledFeeds: [FeedConfig] { config.feeds.filter(\.enabled) }

    /// Polls started at once. `poll.concurrency` bounds the requests (the
    /// fetcher's gate); a poll whose document waits for the archive's single
    /// writer must not keep a slow feed from starting its request, so more
    /// polls than requests may be under way (a bounded number: each may hold
    /// a parsed document).
    var pollsInFlight: Int { config.poll.concurrency * 4 }

    /// Polls every enabled feed once, now, at most `poll.concurrency` at a time,
    /// delivering each feed's alerts as soon as its poll is committed.
    ///
    /// Feeds that are gone (HTTP 410) are skipped, and so are feeds whose server
    /// asked, with Retry-After, not to be polled yet: a cron job must be as
    /// polite as the daemon.
    public func runOnce() async -> RunSummary {
        var summary = RunSummary()
        var states = (try? archive.pollStates()) ?? [:]
        let now = Date()
        let feeds = enabledFeeds.filter { feed in
            guard let state = states[feed.name] else { return true }
            return state.health != .gone && (state.retryAfterUntil ?? .distantPast) <= now
        }
        enum Event: Sendable {
            case polled(PollOutcome)
            case delivered
        }
        await withTaskGroup(of: Event.self) { group in
            var next = 0
            func startNext() {
                guard next < feeds.count else { return }
                let feed = feeds[next]
                next += 1
                // Taken out: each state is needed once, by its feed's poll.
                let state = states.removeValue(forKey: feed.name)
                group.addTask { .polled(await self.poll(feed, state: state)) }
            }
            // Delivery runs beside the polls (one pass at a time, another when
            // alerts came meanwhile), so sending alerts never holds up a fetch.
            var delivering = false
            var owed = false
            func startDelivery() {
                delivering = true
                owed = false
                group.addTask { await self.deliverOwed(); return .delivered }
            }
            for _ in 0..<min(pollsInFlight, feeds.count) { startNext() }
            while let event = await group.next() {
                switch event {
                case .polled(let outcome):
                    report(outcome)
                    summary.add(outcome)
                    startNext()
                    if !outcome.alerts.isEmpty {
                        if delivering { owed = true } else { startDelivery() }
                    }
                case .delivered:
                    delivering = false
                    if owed { startDelivery() }
                }
            }
        }
        // Everything still owed, this run's and what earlier runs left (a
        // restart after a crash mid-delivery).
        await deliverOwed(pages: .max)
        prune()
        logger.info(
            "poll cycle done",
            metadata: [
                "feeds": "\(summary.feeds)", "failed": "\(summary.failed)",
                "new_items": "\(summary.newItems)", "alerts": "\(summary.alerts)",
            ]
        )
        return summary
    }

    /// `state`: the feed's scheduler state when the caller has just read it
    /// (`runOnce` reads every feed's at once); else the poll reads it.
    func poll(_ feed: FeedConfig, state: FeedPollState? = nil) async -> PollOutcome {
        guard let id = feedIDs[feed.name] else {
            return PollOutcome(
                feed: feed.name, status: nil, items: 0, newItems: 0, alerts: [],
                error: "feed not registered in the archive", warning: nil, duration: 0
            )
        }
        return await poller.poll(feed, feedID: id, machine: stateMachine(for: feed), state: state)
    }

    func stateMachine(for feed: FeedConfig) -> FeedStateMachine {
        let config = self.config
        let followsRedirects = if case .http = feed.source { true } else { false }
        return FeedStateMachine(
            feed: feed.name, configURL: feed.source.description, followsRedirects: followsRedirects,
            plan: PollPlan(bounds: config.pollBounds(for: feed), failingAfter: config.poll.failingAfter),
            redirects: redirects
        )
    }

    /// Logs the outcome: its health change (one line), its error or warning.
    func report(_ outcome: PollOutcome) {
        var metadata: Logger.Metadata = ["feed": "\(outcome.feed)"]
        if let status = outcome.status { metadata["status"] = "\(status)" }
        if let change = outcome.healthChange {
            // One line per change; the lead routes these to sinks later.
            if change.isWarning {
                logger.warning("\(change)", metadata: metadata)
            } else {
                logger.info("\(change)", metadata: metadata)
            }
        }
        if let error = outcome.error {
            // A 410 was just said by the health change; other failures each get a line.
            if outcome.healthChange?.to != .gone { logger.error("feed failed: \(error)", metadata: metadata) }
        } else {
            let previous = lastWarnings.withLock { warnings -> String? in
                defer { warnings[outcome.feed] = outcome.warning }
                return warnings[outcome.feed]
            }
            if let warning = outcome.warning {
                if warning != previous {
                    logger.warning("\(warning)", metadata: metadata)
                } else {
                    logger.debug("\(warning)", metadata: metadata)
                }
            }
            metadata["items"] = "\(outcome.items)"
            metadata["new"] = "\(outcome.newItems)"
            logger.debug("feed polled", metadata: metadata)
        }
        raiseHealthAlerts(outcome)
        recordMetrics(outcome)
    }
}

extension Daemon {
    /// Applies the config's retention (`keep`); alerted and pinned items stay.
    func prune() {
        var policies: [String: RetentionPolicy] = [:]
        for feed in config.feeds {
            let keep = config.keep(for: feed)
            let policy = RetentionPolicy(maxAge: keep.maxAge?.seconds, maxItems: keep.maxItems)
            if !policy.keepsEverything { policies[feed.name] = policy }
        }
        guard !policies.isEmpty else { return }
        do {
            let removed = try archive.prune(policies: policies)
            if removed > 0 { logger.info("retention removed \(removed) items") }
        } catch {
            logger.error("retention failed: \(error)")
        }
    }
}

extension Daemon {
    /// Sends what the outbox owes now: every sink in its own task, so a slow or
    /// failing sink never holds up another; each result is recorded, failures
    /// come back after the retry policy's delay, permanent ones are given up.
    /// One pass at a time, so an alert is never sent twice at once.
    func deliverOwed(pages: Int = Daemon.outboxPagesPerPass) async {
        guard outboxBusy.withLock({ busy in defer { busy = true }; return !busy }) else { return }
        defer { outboxBusy.withLock { $0 = false } }
        // Page after page until nothing is due (a first cycle can owe 100,000
        // alerts). A page that starts where the last one did means its results
        // could not be recorded (a full disk): stop rather than send it again.
        var lastFirst: (alert: Int64, sink: String)?
        for _ in 0..<pages {
            let owed: [OwedDelivery]
            do {
                owed = try archive.owedDeliveries(limit: Self.outboxPage)
            } catch {
                logger.error("outbox: \(error)")
                return
            }
            if let first = owed.first, let last = lastFirst, first.alert.id == last.alert, first.sink == last.sink {
                logger.error("outbox: deliveries could not be recorded; retrying on the next pass")
                return
            }
            lastFirst = owed.first.map { ($0.alert.id, $0.sink) }
            let bySink = Dictionary(grouping: owed, by: \.sink)
            await withTaskGroup(of: Void.self) { group in
                for (name, deliveries) in bySink {
                    group.addTask { await self.deliver(deliveries, to: name) }
                }
            }
            if owed.count < Self.outboxPage || Task.isCancelled { return }
        }
    }

    /// Deliveries read from the outbox at a time, and pages sent per pass.
    static let outboxPage = 500
    static let outboxPagesPerPass = 100

    private func deliver(_ deliveries: [OwedDelivery], to name: String) async {
        let quietHours = live.withLock { $0.quietHours }
        // A local sink's successes are committed together (see AlertSink.isLocal).
        var delivered: [(alert: Int64, sink: String)] = []
        defer { try? archive.recordDelivered(delivered) }
        for delivery in deliveries {
            let alert = delivery.alert
            // Quiet hours hold everything but the terminal and the alert log.
            if name != "terminal", name != "log", let quiet = quietHours[alert.rule],
               let until = quiet.end(ofWindowContaining: Date()) {
                try? archive.deferDelivery(alert: alert.id, sink: name, until: until)
                continue
            }
            guard let sink = sinks[name] else {
                try? archive.recordDelivery(alert: alert.id, sink: name, delivered: false, error: "no sink named '\(name)' in the config")
                continue
            }
            do {
                try await sink.deliver(alert)
                if sink.isLocal {
                    delivered.append((alert.id, name))
                    if delivered.count >= 256 {
                        try? archive.recordDelivered(delivered)
                        delivered.removeAll(keepingCapacity: true)
                    }
                } else {
                    try? archive.recordDelivery(alert: alert.id, sink: name, delivered: true)
                }
            } catch {
                let failure = DeliveryError.classify(error, sink: name)
                let delay = retry.nextDelay(afterAttempt: delivery.attempts + 1, error: failure)
                let retryAt = delay.map { Date().addingTimeInterval($0.seconds) }
                try? archive.recordDelivery(alert: alert.id, sink: name, delivered: false, error: "\(failure)", retryAt: retryAt)
                let metadata: Logger.Metadata = ["sink": "\(name)", "alert": "\(alert.id)"]
                if retryAt == nil {
                    logger.error("alert delivery given up: \(failure)", metadata: metadata)
                } else {
                    logger.warning("alert delivery failed, will retry: \(failure)", metadata: metadata)
                }
            }
        }
    }
}

/// Totals of one poll cycle.
public struct RunSummary: Sendable {
    public var feeds = 0
    public var failed = 0
    public var items = 0
    public var newItems = 0
    public var alerts = 0

    public init() {}

    mutating func add(_ outcome: PollOutcome) {
        feeds += 1
        if outcome.failed { failed += 1 }
        items += outcome.items
        newItems += outcome.newItems
        alerts += outcome.alerts.count
    }
}

import Foundation
import Logging
import WirewatchArchive
import WirewatchConfig

extension Daemon {
    /// Polls each feed when its schedule says (see `PollPlan`) until the task is
    /// cancelled (graceful shutdown cancels it). Each poll persists the feed's
    /// next due time, so the schedule, backoff and Retry-After survive restarts;
    /// a gone feed (410) is not polled until its URL changes or it is re-enabled.
    ///
    /// Every poll and every delivery pass runs in its own child task, so a slow
    /// or hanging feed holds one of `poll.concurrency` slots for at most its
    /// timeout and never holds up the loop that starts the others.
    public func runForever() async {
        var schedule = PollSchedule()
        var feeds = FeedTable(config.feeds)
        /// Feeds gone (410): left out of the schedule until a reload finds them reset.
        var gone: Set<String> = []
        let states = (try? archive.pollStates()) ?? [:]
        let now = Date()
        for feed in config.feeds where feed.enabled {
            if let due = startDue(feed, state: states[feed.name], now: now) {
                schedule.schedule(feed.name, at: due)
            } else {
                gone.insert(feed.name)
            }
        }
        logger.info("daemon started", metadata: ["feeds": "\(feeds.count)"])
        if !gone.isEmpty { logger.debug("not polled, gone: \(gone.sorted().joined(separator: ", "))") }

        enum Event: Sendable {
            case polled(PollOutcome)
            case delivered
            case tick
        }
        await withTaskGroup(of: Event.self) { group in
            var running = 0
            var timerPending = false
            var lastMaintenance = Date()
            var lastTrim = Date()
            while !Task.isCancelled {
                if takeReload() {
                    // New (or newly enabled) feeds, and gone ones whose URL changed or
                    // that were re-enabled, are polled now; removed ones drop out when
                    // they come due; changed bounds apply from their next poll.
                    let updated = FeedTable(config.feeds)
                    let states = (try? archive.pollStates()) ?? [:]
                    for name in updated.names where feeds[name] == nil && !gone.contains(name) {
                        if states[name]?.health == .gone { gone.insert(name) } else { schedule.schedule(name, at: Date()) }
                    }
                    for name in gone where updated[name] != nil && states[name]?.health != .gone {
                        gone.remove(name)
                        schedule.schedule(name, at: Date())
                    }
                    feeds = updated
                }
                while running < pollsInFlight, let name = schedule.popDue(now: Date()) {
                    guard let feed = feeds[name] else { continue }  // removed from the config
                    running += 1
                    group.addTask { .polled(await self.poll(feed)) }
                }
                if !timerPending, let due = schedule.nextDue {
                    timerPending = true
                    // At most a second, so a reload is picked up promptly.
                    let wait = min(1, max(0, due.timeIntervalSinceNow))
                    group.addTask {
                        try? await Task.sleep(for: .milliseconds(Int64(wait * 1000) + 1))
                        return .tick
                    }
                }
                guard let event = await group.next() else {
                    // Nothing scheduled (no feeds): wait for a reload or the shutdown.
                    try? await Task.sleep(for: .seconds(1))
                    continue
                }
                switch event {
                case .tick:
                    timerPending = false
                    // Digests that came due, retries that came due, and (after a
                    // restart) what the outbox still owes.
                    makeDigests()
                    group.addTask { await self.deliverOwed(); return .delivered }
                    if Date().timeIntervalSince(lastTrim) > MemoryTrim.interval {
                        lastTrim = Date()
                        MemoryTrim.releaseFreeMemory()
                    }
                    if Date().timeIntervalSince(lastMaintenance) > 3600 {
                        lastMaintenance = Date()
                        prune()
                        try? archive.flushStoryKeys()
                    }
                case .delivered:
                    break
                case .polled(let outcome):
                    running -= 1
                    report(outcome)
                    if !outcome.alerts.isEmpty { group.addTask { await self.deliverOwed(); return .delivered } }
                    guard feeds[outcome.feed] != nil else { break }
                    if let due = outcome.nextDue {
                        schedule.schedule(outcome.feed, at: due)
                    } else {
                        gone.insert(outcome.feed)
                    }
                }
            }
            group.cancelAll()
        }
        logger.info("daemon stopped")
    }

    /// When a feed is first due after a start: its persisted next due time, else
    /// an interval after its last poll, else now; never before a Retry-After,
    /// never later than `max_interval` from now (a config that shortened it
    /// applies at once); nil when the feed is gone.
    func startDue(_ feed: FeedConfig, state: FeedPollState?, now: Date) -> Date? {
        let plan = stateMachine(for: feed).plan
        guard let state else { return now + Self.jitter(up: min(plan.interval * 0.05, 5)) }
        if state.health == .gone { return nil }
        var due = state.nextDue ?? state.lastFetchAt.map { $0 + plan.interval } ?? now
        due = min(due, now + plan.maximum)
        if let retryAfter = state.retryAfterUntil { due = max(due, retryAfter) }
        // Spread start-up polls over a few seconds so a big config does not burst.
        return due > now ? due : now + Self.jitter(up: min(plan.interval * 0.05, 5))
    }

    /// A random delay in 0…`up` seconds, so feeds with equal intervals drift apart.
    static func jitter(up: TimeInterval) -> TimeInterval {
        up > 0 ? TimeInterval.random(in: 0...up) : 0
    }
}

import Foundation
import Logging
import WirewatchConfig

extension Daemon {
    /// Polls each feed on its own interval until the task is cancelled (graceful
    /// shutdown cancels it). A feed polled recently, by this or an earlier run, is
    /// not polled again before its interval is up: the schedule survives restarts.
    public func runForever() async {
        var schedule = PollSchedule()
        var feeds = Dictionary(enabledFeeds.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let lastFetched = (try? archive.lastFetchTimes()) ?? [:]
        let now = Date()
        for feed in enabledFeeds {
            let interval = self.interval(of: feed)
            let due = lastFetched[feed.name].map { $0.addingTimeInterval(interval) } ?? now
            // Spread start-up polls over a few seconds so a big config does not burst.
            schedule.schedule(feed.name, at: max(due, now).addingTimeInterval(Self.jitter(up: min(interval * 0.05, 5))))
        }
        logger.info("daemon started", metadata: ["feeds": "\(feeds.count)"])

        enum Event: Sendable {
            case polled(PollOutcome)
            case tick
        }
        await withTaskGroup(of: Event.self) { group in
            var running = 0
            var timerPending = false
            var lastMaintenance = Date()
            while !Task.isCancelled {
                if takeReload() {
                    // New feeds are polled now; removed ones drop out when they come due;
                    // changed intervals apply from their next poll.
                    let updated = Dictionary(enabledFeeds.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
                    for name in updated.keys where feeds[name] == nil { schedule.schedule(name, at: Date()) }
                    feeds = updated
                }
                while running < config.poll.concurrency, let name = schedule.popDue(now: Date()), let feed = feeds[name] {
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
                    await deliverOwed()
                    if Date().timeIntervalSince(lastMaintenance) > 3600 {
                        lastMaintenance = Date()
                        prune()
                        try? archive.flushStoryKeys()
                    }
                case .polled(let outcome):
                    running -= 1
                    await deliver(outcome)
                    if let feed = feeds[outcome.feed] {
                        let interval = self.interval(of: feed)
                        schedule.schedule(feed.name, at: Date().addingTimeInterval(interval + Self.jitter(up: interval * 0.1)))
                    }
                }
            }
            group.cancelAll()
        }
        logger.info("daemon stopped")
    }

    func interval(of feed: FeedConfig) -> TimeInterval {
        (feed.interval ?? config.poll.interval).seconds
    }

    /// A random delay in 0…`up` seconds, so feeds with equal intervals drift apart.
    static func jitter(up: TimeInterval) -> TimeInterval {
        up > 0 ? TimeInterval.random(in: 0...up) : 0
    }
}

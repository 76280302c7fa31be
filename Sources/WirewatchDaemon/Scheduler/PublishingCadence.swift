import Foundation

/// How often a feed publishes, estimated so the schedule can poll a busy feed
/// near `min_interval` and let a quiet one drift towards `max_interval`.
///
/// The items' own dates are the best evidence (one poll already shows the
/// spacing of the last ten items); feeds without dates fall back on what polls
/// saw: the time between polls that brought new items, per new item, smoothed.
enum PublishingCadence {
    /// How many of the newest dated items the spacing is taken over.
    static let window = 10
    /// Weight of the latest observation in the smoothed, undated estimate.
    static let smoothing = 0.3

    /// Mean spacing of the newest dated items and the newest date; nil with
    /// fewer than two distinct dates. Dates more than an hour ahead are
    /// ignored: a wrong clock or a scheduled post says nothing about cadence.
    static func fromDates(_ dates: [Date], now: Date) -> (cadence: TimeInterval, newest: Date)? {
        let newest = dates.filter { $0 <= now + 3600 }.sorted(by: >).prefix(window)
        guard newest.count >= 2, let first = newest.first, let last = newest.last, first > last else { return nil }
        return (first.timeIntervalSince(last) / Double(newest.count - 1), min(first, now))
    }

    /// The smoothed estimate after a poll that found `newItems` new items at
    /// `now`, the previous such poll having been at `lastNewItemAt`. The first
    /// poll of a feed finds its whole backlog new, which says nothing: it only
    /// starts the clock.
    static func observed(previous: TimeInterval?, lastNewItemAt: Date?, newItems: Int, now: Date) -> TimeInterval? {
        guard newItems > 0, let lastNewItemAt, now > lastNewItemAt else { return previous }
        let perItem = now.timeIntervalSince(lastNewItemAt) / Double(newItems)
        guard let previous else { return perItem }
        return previous * (1 - smoothing) + perItem * smoothing
    }
}

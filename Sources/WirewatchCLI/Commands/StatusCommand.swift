import ArgumentParser
import Foundation
import WirewatchArchive
import WirewatchConfig
import WirewatchCore
import WirewatchNotify

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show each feed's last poll, status, items, next poll and health, with totals."
    )

    @OptionGroup var configOption: ConfigOption

    @Flag(help: "One JSON object per feed, then one with the totals.")
    var json = false

    func run() throws {
        let config = try configOption.load()
        let archive = try Archive(existingAt: config.archivePath)
        let statuses = Dictionary(try archive.feedStatuses().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var totals = Totals()
        for feed in config.feeds {
            let status = statuses[feed.name]
            let health = status?.health ?? .ok
            // The daemon's own plan when it has one; before the first poll, now.
            let next = feed.enabled && health != .gone ? status?.nextDue ?? Date() : nil
            totals.add(status, health: health)
            if json {
                var object: [String: Any] = [
                    "feed": feed.name, "url": feed.url, "enabled": feed.enabled, "state": health.rawValue,
                    "items": status?.items ?? 0, "new_last_day": status?.newLastDay ?? 0,
                    "consecutive_errors": status?.consecutiveErrors ?? 0, "conditional_get": status?.conditional ?? false,
                ]
                object["last_fetch"] = status?.lastFetch.map(ISO8601.string)
                object["http_status"] = status?.lastStatus
                object["last_error"] = status?.lastError
                object["next_due"] = next.map(ISO8601.string)
                object["state_detail"] = status?.healthDetail
                object["current_url"] = status?.currentURL
                object["retry_after"] = status?.retryAfterUntil.map(ISO8601.string)
                object["failing_since"] = status?.firstFailureAt.map(ISO8601.string)
                Terminal.print(ItemJSON.line(object))
            } else {
                Terminal.print(line(feed, status, health: health, next: next))
            }
        }
        if json {
            Terminal.print(ItemJSON.line([
                "feeds": config.feeds.count, "failing": totals.failing, "erroring": totals.erroring, "gone": totals.gone,
                "moved": totals.moved, "items": totals.items, "new_last_day": totals.newItems,
            ]))
        } else {
            Terminal.print(
                "\(config.feeds.count) feeds, \(totals.failing) failing, \(totals.erroring) with errors, \(totals.gone) gone, "
                    + "\(totals.moved) moved, \(totals.items) items, \(totals.newItems) new in the last day"
            )
        }
    }

    /// One feed on one line: name, last poll, HTTP status, items, next poll, then any trouble.
    func line(_ feed: FeedConfig, _ status: FeedStatus?, health: FeedHealth, next: Date?) -> String {
        let clean = TerminalText.sanitize
        let last = status?.lastFetch.map(ISO8601.string) ?? "never polled"
        let http = status?.lastStatus.map { "HTTP \($0)" } ?? "-"
        let conditional = status?.conditional == true ? " (conditional)" : ""
        let items = "\(status?.items ?? 0) items, \(status?.newLastDay ?? 0) new today"
        let due = next.map { "next \(ISO8601.string($0))" } ?? (health == .gone ? "not polled" : "disabled")
        var text = "\(clean(feed.name))  \(last)  \(http)\(conditional)  \(items)  \(due)"
        switch health {
        case .gone: text += "  GONE: \(clean(status?.healthDetail ?? ""))"
        case .failing: text += "  FAILING"
        case .moved, .ok: break
        }
        if let url = status?.currentURL { text += "  MOVED → \(clean(url))" }
        if let errors = status?.consecutiveErrors, errors > 0, health != .gone {
            text += "  errors ×\(errors): \(clean(status?.lastError ?? ""))"
        }
        if let until = status?.retryAfterUntil, until > Date() { text += "  (server asked to wait until \(ISO8601.string(until)))" }
        return text
    }
}

/// The last line of `status`.
struct Totals {
    var failing = 0
    var erroring = 0
    var gone = 0
    var moved = 0
    var items = 0
    var newItems = 0

    mutating func add(_ status: FeedStatus?, health: FeedHealth) {
        if health == .failing { failing += 1 }
        if health == .gone { gone += 1 }
        if status?.currentURL != nil { moved += 1 }
        if (status?.consecutiveErrors ?? 0) > 0, health != .gone { erroring += 1 }
        items += status?.items ?? 0
        newItems += status?.newLastDay ?? 0
    }
}
